package dev.aigc.career.recommend;

import static dev.aigc.career.Fixtures.HIGH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aigc.career.Fixtures;
import dev.aigc.career.assessment.Assessment;
import dev.aigc.career.assessment.Background;
import dev.aigc.career.assessment.Scores;
import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.questionnaire.Questionnaire;

/**
 * The answers that drove the ranking and what would change it, checked against hand computation and against
 * real re-ranking. High profile: 93.75 / 81.25 / 75 / 50 / 100 / 31.25; R&D targets 80 / 75 / 60 / 55 / 80 / 35,
 * algorithm engineer 75 / 80 / 55 / 65 / 90 / 25; error and ambiguity weigh 2 of 8, stress is at-least.
 */
class ExplanationTest {

    private final Questionnaire questionnaire = Fixtures.questionnaire();
    private final Catalogue catalogue = Fixtures.catalogue();
    private final Scores scores = Assessment.of(questionnaire, HIGH).scores();
    private final Ranking ranking = Ranking.of(catalogue, scores, BackgroundProfile.NONE);

    @Test
    void shouldSplitTheLeadIntoPartsThatAddUpToIt() {
        Drivers drivers = Drivers.analyse(catalogue, questionnaire, HIGH, scores, BackgroundProfile.NONE, ranking)
                .orElseThrow();

        assertThat(drivers.leader()).isEqualTo("genai-rd-engineer");
        assertThat(drivers.runnerUp()).isEqualTo("algorithm-engineer");
        assertThat(drivers.margin()).isCloseTo(0.3125, within(1e-9));
        Map<String, Double> parts = drivers.lead().stream()
                .collect(java.util.stream.Collectors.toMap(Drivers.LeadPart::component, Drivers.LeadPart::points));
        // weight x (runner-up's gap - leader's gap) / 8
        assertThat(parts.get("error_tolerance")).isCloseTo(2 * (18.75 - 13.75) / 8, within(1e-9));
        assertThat(parts.get("ambiguity_tolerance")).isCloseTo(2 * (1.25 - 6.25) / 8, within(1e-9));
        assertThat(parts.get("stress_tolerance")).isCloseTo(0, within(1e-9));
        assertThat(parts.get("precision_need")).isCloseTo((15 - 5) / 8.0, within(1e-9));
        assertThat(parts.get("open_research")).isCloseTo((10 - 20) / 8.0, within(1e-9));
        assertThat(parts.get("people_orientation")).isCloseTo((6.25 - 3.75) / 8, within(1e-9));
        assertThat(parts.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(drivers.margin(), within(1e-9));
    }

    @Test
    void shouldCreditTheAnswersThatRaisedTheLeadersFit() {
        Drivers drivers = Drivers.analyse(catalogue, questionnaire, HIGH, scores, BackgroundProfile.NONE, ranking)
                .orElseThrow();
        // neutral respondent: R&D gaps 30, 25, 10, 5, 30, 15 -> (60 + 50 + 10 + 5 + 30 + 15) / 8 = 21.25
        assertThat(drivers.neutralFit()).isCloseTo(78.75, within(1e-9));
        assertThat(drivers.leaderFit()).isCloseTo(91.40625, within(1e-9));

        // ambiguity moved 50 -> 81.25 and its gap 25 -> 6.25: 2 x 18.75 / 8 = 4.6875 points, shared by keyed
        // deviations 1, 2, 1, 1 (AT1, AT3, AT4, AT2): AT3 gets 2/5 = 1.875. Error tolerance: gap 30 -> 13.75 gives
        // 4.0625, deviations 2, 2, 2, 1: ET1, ET4 and ET3 get 2/7 each.
        assertThat(drivers.supporting()).extracting(Drivers.ItemEffect::itemId)
                .containsExactly("AT3", "ET1", "ET4", "ET3", "AT1");
        assertThat(drivers.supporting().get(0).effect()).isCloseTo(1.875, within(1e-9));
        assertThat(drivers.supporting().get(1).effect()).isCloseTo(4.0625 * 2 / 7, within(1e-9));
        assertThat(drivers.opposing()).isEmpty();

        List<Drivers.ItemEffect> all = Drivers.itemEffects(catalogue.fitModel(), questionnaire, HIGH, scores,
                ranking.leader().role(), 1.0);
        assertThat(all.stream().mapToDouble(Drivers.ItemEffect::effect).sum())
                .isCloseTo(drivers.leaderFit() - drivers.neutralFit(), within(1e-9));
        // disagreeing with people-centred statements raised the fit: PO went 50 -> 31.25, gap 15 -> 3.75
        assertThat(all).filteredOn(e -> e.itemId().equals("PO1")).singleElement()
                .satisfies(e -> assertThat(e.effect()).isCloseTo(11.25 / 8 / 3, within(1e-9)));
    }

    @Test
    void shouldFindTheSmallestChangeThatSwapsTheTopTwo() {
        WhatIf whatIf = WhatIf.analyse(catalogue, questionnaire, scores, BackgroundProfile.NONE, ranking).orElseThrow();

        // Lowering people orientation by d grows R&D's gap (3.75 + d) and shrinks the algorithm engineer's
        // (6.25 - d): lead = (2.5 - 2d) / 8, a tie at d = 1.25, and ties go to "algorithm-engineer" by id.
        WhatIf.DimensionChange first = whatIf.dimensionChanges().get(0);
        assertThat(first.dimension()).isEqualTo("people_orientation");
        assertThat(first.delta()).isCloseTo(-1.25, within(1e-4)); // totals compare at six decimals
        assertThat(first.answerSteps()).isEqualTo(1);
        // precision: both targets above 50, lead = (12.5 - 2d) / 8 once past R&D's 55 -> d = 6.25
        assertThat(whatIf.dimensionChanges()).anySatisfy(c -> {
            assertThat(c.dimension()).isEqualTo("precision_need");
            assertThat(c.delta()).isCloseTo(6.25, within(1e-4));
        });
        // error tolerance: lead = (57.5 - 4d) / 8 once below R&D's 80 -> d = 14.375
        assertThat(whatIf.dimensionChanges()).anySatisfy(c -> {
            assertThat(c.dimension()).isEqualTo("error_tolerance");
            assertThat(c.delta()).isCloseTo(-14.375, within(1e-4));
            assertThat(c.answerSteps()).isEqualTo(3);
        });
        // moving ambiguity or open research either way only widens the lead
        assertThat(whatIf.dimensionChanges()).extracting(WhatIf.DimensionChange::dimension)
                .doesNotContain("ambiguity_tolerance", "open_research");
        assertThat(whatIf.skillsAssessed()).isFalse();
    }

    @Test
    void shouldBeRightAboutWhatWouldChangeTheRanking() {
        // one answer step down on a people item (PO3 from 3 to 2) lowers the score by 6.25 to 25
        Map<String, Integer> changed = Fixtures.with(HIGH, "PO3", 2);
        Ranking after = Ranking.of(catalogue, Assessment.of(questionnaire, changed).scores(), BackgroundProfile.NONE);
        assertThat(after.leader().role().id()).isEqualTo("algorithm-engineer");
        assertThat(after.runnerUp().orElseThrow().role().id()).isEqualTo("genai-rd-engineer");
    }

    @Test
    void shouldNameSkillsThatWouldSwapTheTopTwo() {
        BackgroundProfile profile = BackgroundProfile.of(catalogue, new Background(List.of("Python"), 1, null, null));
        Ranking withSkills = Ranking.of(catalogue, scores, profile);
        WhatIf whatIf = WhatIf.analyse(catalogue, questionnaire, scores, profile, withSkills).orElseThrow();

        assertThat(whatIf.skillsAssessed()).isTrue();
        assertThat(whatIf.swappingSkills()).isNotEmpty();
        for (String skill : whatIf.swappingSkills()) {
            Ranking after = Ranking.of(catalogue, scores, profile.withSkill(skill));
            assertThat(after.leader().role().id()).as(skill).isEqualTo(whatIf.runnerUp());
        }
        List<String> notSwapping = withSkills.runnerUp().orElseThrow().skills().missing().stream()
                .filter(s -> !whatIf.swappingSkills().contains(s)).toList();
        for (String skill : notSwapping) {
            Ranking after = Ranking.of(catalogue, scores, profile.withSkill(skill));
            assertThat(after.leader().role().id()).as(skill).isEqualTo(whatIf.leader());
        }
    }
}
