package dev.aigc.career.assessment;

import static dev.aigc.career.Fixtures.HIGH;
import static dev.aigc.career.Fixtures.LOW;
import static dev.aigc.career.Fixtures.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.aigc.career.Fixtures;
import dev.aigc.career.questionnaire.Band;
import dev.aigc.career.questionnaire.Cutoffs;
import dev.aigc.career.questionnaire.Questionnaire;

class ScorerTest {

    private final Questionnaire questionnaire = Fixtures.questionnaire();

    @Test
    void shouldScoreHandComputedHighProfileWithReverseKeys() {
        Map<String, DimensionScore> scores = byDimension(Scorer.score(questionnaire, HIGH));

        assertThat(scores.get("error_tolerance").keyedMean()).isEqualTo(4.75);
        assertThat(scores.get("error_tolerance").score()).isEqualTo(93.75);
        assertThat(scores.get("ambiguity_tolerance").score()).isEqualTo(81.25);
        assertThat(scores.get("stress_tolerance").score()).isEqualTo(75.0);
        assertThat(scores.get("precision_need").score()).isEqualTo(50.0);
        assertThat(scores.get("open_research").score()).isEqualTo(100.0);
        assertThat(scores.get("people_orientation").score()).isEqualTo(31.25);
        assertThat(scores.get("people_orientation").band()).isEqualTo(Band.LOW);
        assertThat(scores.get("precision_need").band()).isEqualTo(Band.MEDIUM);

        Assessment assessment = Assessment.of(questionnaire, HIGH);
        assertThat(assessment.toleranceIndex()).isEqualTo(87.5);
        assertThat(assessment.toleranceBand()).isEqualTo(Band.HIGH);
    }

    @Test
    void shouldScoreHandComputedMediumAndLowProfiles() {
        Map<String, DimensionScore> medium = byDimension(Scorer.score(questionnaire, MEDIUM));
        assertThat(medium.get("error_tolerance").score()).isEqualTo(56.25);
        assertThat(medium.get("ambiguity_tolerance").score()).isEqualTo(43.75);
        assertThat(medium.get("precision_need").score()).isEqualTo(75.0);
        assertThat(Assessment.of(questionnaire, MEDIUM).toleranceIndex()).isEqualTo(50.0);
        assertThat(Assessment.of(questionnaire, MEDIUM).toleranceBand()).isEqualTo(Band.MEDIUM);

        Map<String, DimensionScore> low = byDimension(Scorer.score(questionnaire, LOW));
        assertThat(low.get("error_tolerance").score()).isEqualTo(25.0);
        assertThat(low.get("ambiguity_tolerance").score()).isEqualTo(6.25);
        assertThat(low.get("people_orientation").score()).isEqualTo(93.75);
        assertThat(Assessment.of(questionnaire, LOW).toleranceIndex()).isEqualTo(15.625);
        assertThat(Assessment.of(questionnaire, LOW).toleranceBand()).isEqualTo(Band.LOW);
    }

    @Test
    void shouldTurnReverseKeyedAnswersAroundAsSixMinusAnswer() {
        Map<String, Integer> neutral = Fixtures.same(3);
        assertThat(byDimension(Scorer.score(questionnaire, neutral)).get("error_tolerance").score()).isEqualTo(50.0);

        // ET2 is reverse-keyed: agreeing fully (5) counts as 1, so the mean is (3 + 3 + 3 + 1) / 4 = 2.5 -> 37.5
        Map<String, Integer> reverse = Fixtures.with(neutral, "ET2", 5);
        assertThat(byDimension(Scorer.score(questionnaire, reverse)).get("error_tolerance").score()).isEqualTo(37.5);

        // ET1 is plain: 5 counts as 5, so (5 + 3 + 3 + 3) / 4 = 3.5 -> 62.5
        Map<String, Integer> plain = Fixtures.with(neutral, "ET1", 5);
        assertThat(byDimension(Scorer.score(questionnaire, plain)).get("error_tolerance").score()).isEqualTo(62.5);
    }

    @Test
    void shouldGiveTheMidpointToAnyoneWhoAgreesWithEverything() {
        // Half of each dimension's items are reverse-keyed, so acquiescence cancels out: (5 + 5 + 1 + 1) / 4 = 3
        for (DimensionScore score : Scorer.score(questionnaire, Fixtures.same(5))) {
            assertThat(score.score()).as(score.dimension()).isEqualTo(50.0);
        }
    }

    @Test
    void shouldScoreTheExtremesAsZeroAndHundred() {
        Map<String, Integer> max = questionnaire.items().stream()
                .collect(Collectors.toMap(i -> i.id(), i -> i.reverse() ? 1 : 5));
        Map<String, Integer> min = questionnaire.items().stream()
                .collect(Collectors.toMap(i -> i.id(), i -> i.reverse() ? 5 : 1));
        assertThat(Scorer.score(questionnaire, max)).allSatisfy(s -> assertThat(s.score()).isEqualTo(100.0));
        assertThat(Scorer.score(questionnaire, min)).allSatisfy(s -> assertThat(s.score()).isEqualTo(0.0));
    }

    @Test
    void shouldBandScoresByThePublishedCutoffs() {
        Cutoffs cutoffs = questionnaire.scoring().bands();
        assertThat(cutoffs.lowBelow()).isEqualTo(37.5);
        assertThat(cutoffs.highFrom()).isEqualTo(62.5);
        assertThat(cutoffs.bandOf(37.49)).isEqualTo(Band.LOW);
        assertThat(cutoffs.bandOf(37.5)).isEqualTo(Band.MEDIUM);
        assertThat(cutoffs.bandOf(62.49)).isEqualTo(Band.MEDIUM);
        assertThat(cutoffs.bandOf(62.5)).isEqualTo(Band.HIGH);
    }

    @Test
    void shouldGiveTheSameScoresForTheSameAnswers() {
        assertThat(Assessment.of(questionnaire, HIGH)).isEqualTo(Assessment.of(questionnaire, Map.copyOf(HIGH)));
        assertThat(Assessment.of(questionnaire, HIGH).toleranceIndex()).isCloseTo(87.5, within(1e-12));
    }

    private static Map<String, DimensionScore> byDimension(List<DimensionScore> scores) {
        return scores.stream().collect(Collectors.toMap(DimensionScore::dimension, s -> s));
    }
}
