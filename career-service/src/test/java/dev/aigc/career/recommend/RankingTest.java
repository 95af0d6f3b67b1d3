package dev.aigc.career.recommend;

import static dev.aigc.career.Fixtures.HIGH;
import static dev.aigc.career.Fixtures.LOW;
import static dev.aigc.career.Fixtures.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aigc.career.Fixtures;
import dev.aigc.career.assessment.Assessment;
import dev.aigc.career.assessment.Background;
import dev.aigc.career.assessment.Scores;
import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.Role;
import dev.aigc.career.questionnaire.Band;
import dev.aigc.career.questionnaire.Questionnaire;

class RankingTest {

    private final Questionnaire questionnaire = Fixtures.questionnaire();
    private final Catalogue catalogue = Fixtures.catalogue();

    @Test
    void shouldPutTheArticlesHighToleranceRolesOnTopForAHighProfile() {
        Ranking ranking = rank(HIGH, null);
        assertThat(ids(ranking).subList(0, 2)).containsExactlyInAnyOrder("genai-rd-engineer", "algorithm-engineer");
        assertThat(ranking.fits().subList(0, 2)).allSatisfy(f -> assertThat(f.role().toleranceBand().band()).isEqualTo(Band.HIGH));
    }

    @Test
    void shouldPutTheArticlesMediumToleranceRolesOnTopForAMediumProfile() {
        Ranking ranking = rank(MEDIUM, null);
        assertThat(ids(ranking).subList(0, 2)).containsExactly("data-scientist", "ai-product-manager");
    }

    @Test
    void shouldPutTechnicalSupportOnTopForALowProfile() {
        Ranking ranking = rank(LOW, null);
        assertThat(ranking.leader().role().id()).isEqualTo("technical-support-engineer");
        assertThat(ranking.leader().role().toleranceBand().band()).isEqualTo(Band.LOW);
    }

    @Test
    void shouldComputeTheToleranceMatchByHand() {
        Ranking ranking = rank(HIGH, null);
        // R&D targets 80/75/60/55/80/35 vs 93.75/81.25/75/50/100/31.25, error and ambiguity weigh 2, stress is
        // at-least: (2*13.75 + 2*6.25 + 0 + 5 + 20 + 3.75) / 8 = 8.59375
        RoleFit rd = ranking.fitOf("genai-rd-engineer");
        assertThat(rd.toleranceMatch()).isCloseTo(91.40625, within(1e-9));
        // no background: the tolerance match is the whole total
        assertThat(rd.applied().tolerance()).isEqualTo(1.0);
        assertThat(rd.total()).isCloseTo(91.40625, within(1e-9));
        // algorithm: (2*18.75 + 2*1.25 + 0 + 15 + 10 + 6.25) / 8 = 8.90625
        assertThat(ranking.fitOf("algorithm-engineer").total()).isCloseTo(91.09375, within(1e-9));
        assertThat(ranking.leader().role().id()).isEqualTo("genai-rd-engineer");
    }

    @Test
    void shouldWeighSkillsAndInterestsWhenABackgroundIsGiven() {
        Background background = new Background(List.of("Python", "PyTorch", "support vector machines"), 1, null,
                List.of("research", "algorithms"));
        Ranking ranking = rank(HIGH, background);
        RoleFit rd = ranking.fitOf("genai-rd-engineer");

        assertThat(rd.skills().matched()).containsExactly("programming", "deep-learning");
        assertThat(rd.skills().score()).isEqualTo(40.0);
        assertThat(rd.interests().matched()).containsExactly("research", "algorithms");
        assertThat(rd.interests().score()).isEqualTo(100.0);
        assertThat(rd.applied().tolerance()).isEqualTo(0.6);
        assertThat(rd.total()).isCloseTo(0.6 * 91.40625 + 0.25 * 40 + 0.15 * 100, within(1e-9));
        // "support vector machines" must not count as customer service
        assertThat(ranking.fitOf("technical-support-engineer").skills().matched()).containsExactly("deep-learning");
    }

    @Test
    void shouldRescaleWeightsWhenOnlyInterestsAreGiven() {
        Background background = new Background(null, null, null, List.of("data-analysis"));
        RoleFit ds = rank(MEDIUM, background).fitOf("data-scientist");
        assertThat(ds.skills().assessed()).isFalse();
        assertThat(ds.applied().tolerance()).isCloseTo(0.6 / 0.75, within(1e-12));
        assertThat(ds.applied().interest()).isCloseTo(0.15 / 0.75, within(1e-12));
        assertThat(ds.applied().skills()).isZero();
    }

    @Test
    void shouldBreakTiesByRoleId() {
        Role original = catalogue.role("data-scientist").orElseThrow();
        Role twin = new Role("aaa-twin", original.title(), original.summary(), original.toleranceBand(),
                original.errorConsequence(), original.profile(), original.skills(), original.interests(),
                original.salary(), original.salaryNote(), original.path(), original.plan(),
                original.relatedOccupations());
        List<Role> roles = new ArrayList<>(catalogue.roles());
        roles.add(twin);
        Catalogue withTwin = new Catalogue(catalogue.version(), catalogue.sources(), catalogue.fitModel(),
                catalogue.interests(), catalogue.skills(), catalogue.strategies(), roles, catalogue.disclaimer());

        Ranking ranking = Ranking.of(withTwin, Assessment.of(questionnaire, MEDIUM).scores(), BackgroundProfile.NONE);
        assertThat(ids(ranking).subList(0, 2)).containsExactly("aaa-twin", "data-scientist");
    }

    @Test
    void shouldRankTheSameWayEveryTime() {
        Scores scores = Assessment.of(questionnaire, MEDIUM).scores();
        List<String> first = ids(Ranking.of(catalogue, scores, BackgroundProfile.NONE));
        for (int i = 0; i < 5; i++) {
            assertThat(ids(Ranking.of(catalogue, scores, BackgroundProfile.NONE))).isEqualTo(first);
        }
    }

    private Ranking rank(Map<String, Integer> answers, Background background) {
        return Ranking.of(catalogue, Assessment.of(questionnaire, answers).scores(),
                BackgroundProfile.of(catalogue, background));
    }

    private static List<String> ids(Ranking ranking) {
        return ranking.fits().stream().map(f -> f.role().id()).toList();
    }
}
