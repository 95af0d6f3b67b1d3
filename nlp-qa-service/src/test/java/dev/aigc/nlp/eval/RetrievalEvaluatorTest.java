package dev.aigc.nlp.eval;

import dev.aigc.nlp.qa.HybridRetriever;
import dev.aigc.nlp.qa.PassageSelector;
import dev.aigc.nlp.qa.QaService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The reliability bins, ECE and the confident-error count that the evaluation reports. */
class RetrievalEvaluatorTest {

    @Test
    void shouldBinConfidencesAndComputeTheExpectedCalibrationError() {
        List<RetrievalEvaluator.Outcome> outcomes = new ArrayList<>();
        // bin 0.9-1.0: four answers at 0.95, three from the right document → |0.75 - 0.95| = 0.20
        outcomes.add(outcome("doc", 1, 0.95, true));
        outcomes.add(outcome("doc", 1, 0.95, true));
        outcomes.add(outcome("doc", 1, 0.95, true));
        outcomes.add(outcome("doc", 2, 0.95, true));
        // bin 0.1-0.2: four refusals at 0.15, none correct (two unanswerable, two answerable with a wrong top document)
        outcomes.add(outcome(null, 0, 0.15, false));
        outcomes.add(outcome(null, 0, 0.15, false));
        outcomes.add(outcome("doc", 3, 0.15, false));
        outcomes.add(outcome("doc", 4, 0.15, false));

        List<RetrievalEvaluator.Bin> bins = RetrievalEvaluator.reliability(outcomes);

        assertThat(bins).hasSize(10);
        assertThat(bins.get(9).count()).isEqualTo(4);
        assertThat(bins.get(9).meanConfidence()).isCloseTo(0.95, within(1e-9));
        assertThat(bins.get(9).shareCorrect()).isCloseTo(0.75, within(1e-9));
        assertThat(bins.get(1).count()).isEqualTo(4);
        assertThat(bins.get(1).shareCorrect()).isZero();
        assertThat(bins.stream().mapToInt(RetrievalEvaluator.Bin::count).sum()).isEqualTo(8);
        // ECE = 4/8 × 0.20 + 4/8 × 0.15
        assertThat(RetrievalEvaluator.ece(outcomes)).isCloseTo(0.175, within(1e-9));

        RetrievalEvaluator.Metrics m = RetrievalEvaluator.metrics(outcomes);
        assertThat(m.confidentWrong()).as("answered from a wrong document at 0.95").isEqualTo(1);
        assertThat(m.confidentWrongShare()).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(m.noAnswerRecall()).isEqualTo(1.0);
        assertThat(m.noAnswerPrecision()).isCloseTo(0.5, within(1e-9));
        assertThat(m.answeredCorrectly()).isCloseTo(3 / 6.0, within(1e-9));
    }

    @Test
    void shouldPutConfidenceOneIntoTheLastBin() {
        List<RetrievalEvaluator.Outcome> one = List.of(outcome("doc", 1, 1.0, true));
        assertThat(RetrievalEvaluator.reliability(one).get(9).count()).isEqualTo(1);
        assertThat(RetrievalEvaluator.ece(one)).isZero();
    }

    private static RetrievalEvaluator.Outcome outcome(String expected, int rank, double confidence, boolean answered) {
        PassageSelector.Selection selection = new PassageSelector.Selection(
                new HybridRetriever.Retrieval(List.of(), 0), List.of(), null, false, Double.NaN);
        QaService.Assessment a = new QaService.Assessment(selection, new float[0], 0, null, null, confidence, answered,
                Set.of());
        return new RetrievalEvaluator.Outcome(new EvalQuestion("en", expected, "q"), rank, "doc", "en", a, 1);
    }
}
