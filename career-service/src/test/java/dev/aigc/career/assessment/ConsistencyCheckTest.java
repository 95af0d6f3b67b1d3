package dev.aigc.career.assessment;

import static dev.aigc.career.Fixtures.HIGH;
import static dev.aigc.career.Fixtures.LOW;
import static dev.aigc.career.Fixtures.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aigc.career.Fixtures;
import dev.aigc.career.assessment.ConsistencyResult.Code;
import dev.aigc.career.assessment.ConsistencyResult.Reason;
import dev.aigc.career.assessment.ConsistencyResult.Verdict;
import dev.aigc.career.questionnaire.Questionnaire;

class ConsistencyCheckTest {

    private final Questionnaire questionnaire = Fixtures.questionnaire();

    @Test
    void shouldPassCarefulProfiles() {
        ConsistencyResult high = ConsistencyCheck.check(questionnaire, HIGH);
        assertThat(high.verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(high.reasons()).isEmpty();
        // only ET1/ET2 differ (keyed 5 vs 4): 1 / 12 pairs
        assertThat(high.inconsistencyIndex()).isCloseTo(1.0 / 12, within(1e-12));
        assertThat(high.contradictions()).isZero();
        assertThat(high.longestRun()).isEqualTo(3);

        assertThat(ConsistencyCheck.check(questionnaire, MEDIUM).verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(ConsistencyCheck.check(questionnaire, LOW).verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void shouldFlagAStraightLiner() {
        ConsistencyResult result = ConsistencyCheck.check(questionnaire, Fixtures.same(4));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONSISTENT);
        assertThat(result.longestRun()).isEqualTo(24);
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(Code.LONG_STRING);
        // opposite pairs: 4 vs 6 - 4 = 2 (six pairs), similar pairs agree: 12 / 12
        assertThat(result.inconsistencyIndex()).isEqualTo(1.0);
    }

    @Test
    void shouldFlagAnAcquiescentStraightLinerOnBothRules() {
        ConsistencyResult result = ConsistencyCheck.check(questionnaire, Fixtures.same(5));
        // every opposite pair: 5 vs 1 -> gap 4, six times; similar pairs 0 -> index 24 / 12 = 2
        assertThat(result.inconsistencyIndex()).isEqualTo(2.0);
        assertThat(result.contradictions()).isEqualTo(6);
        assertThat(result.reasons()).extracting(Reason::code)
                .containsExactly(Code.INCONSISTENT_PAIRS, Code.CONTRADICTIONS, Code.LONG_STRING);
    }

    @Test
    void shouldFlagContradictoryAnswersEvenWithoutStraightLining() {
        // Agree with statements and with their opposites: ET2, AT4, ST2 and OR2 set to 5.
        Map<String, Integer> answers = Fixtures.with(Fixtures.with(Fixtures.with(Fixtures.with(HIGH,
                "ET2", 5), "AT4", 5), "ST2", 5), "OR2", 5);
        ConsistencyResult result = ConsistencyCheck.check(questionnaire, answers);

        // ET1/ET2 5 vs 1, AT1/AT4 4 vs 1, AT2/AT4 4 vs 1, ST1/ST2 4 vs 1, OR1/OR2 5 vs 1: gaps 4+3+3+3+4 = 17
        assertThat(result.contradictions()).isEqualTo(5);
        assertThat(result.inconsistencyIndex()).isCloseTo(17.0 / 12, within(1e-12));
        assertThat(result.longestRun()).isLessThan(10);
        assertThat(result.verdict()).isEqualTo(Verdict.INCONSISTENT);
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(Code.CONTRADICTIONS);

        // PO2 = 1 as well: PO1/PO2 2 vs 5, PO2/PO4 5 vs 2 -> gaps 23 / 12 > 1.5
        ConsistencyResult worse = ConsistencyCheck.check(questionnaire, Fixtures.with(answers, "PO2", 1));
        assertThat(worse.inconsistencyIndex()).isCloseTo(23.0 / 12, within(1e-12));
        assertThat(worse.reasons()).extracting(Reason::code)
                .containsExactly(Code.INCONSISTENT_PAIRS, Code.CONTRADICTIONS);
    }

    @Test
    void shouldFlagRunsFromTheLongStringLimitOn() {
        assertThat(questionnaire.consistency().longStringLimit()).isEqualTo(10);
        // nine 4s in a row, the rest alternating 2/3
        Map<String, Integer> nine = Fixtures.answers(4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2);
        assertThat(ConsistencyCheck.longestRun(questionnaire, nine)).isEqualTo(9);
        assertThat(ConsistencyCheck.check(questionnaire, nine).reasons()).extracting(Reason::code)
                .doesNotContain(Code.LONG_STRING);

        Map<String, Integer> ten = Fixtures.with(nine, "PN3", 4);
        assertThat(ConsistencyCheck.longestRun(questionnaire, ten)).isEqualTo(10);
        assertThat(ConsistencyCheck.check(questionnaire, ten).reasons()).extracting(Reason::code)
                .contains(Code.LONG_STRING);
    }
}
