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
 * check, calibrated confidence and refusal), see docs/nlp-qa.md:
 * <ul>
 *   <li>the tuning sets (eval/qa-eval.tsv, eval/qa-xling-tuning.tsv, the diagnosed held-out v1–v3 and the diagnosed
 *       cross-lingual v1–v6), on which the settings were chosen and the confidence model and the language switch were
 *       fitted: regression guards at the measured values;</li>
 *   <li>held-out v4 + v5 (never tuned on, pooled) and the cross-lingual held-out v7 (sealed until the method was
 *       frozen, evaluated once): goals asserted where met, regression guards at the measured values otherwise, and
 *       each unmet goal {@code @Disabled} with its measured value as the reason.</li>
 * </ul>
 * "Regression guard" means the measured value, not a goal.
 */
class RetrievalQualityTest extends ServiceTestSupport {

    @Autowired
    QaService service;

    // Regression guards are one question looser than the evaluation command's values (evaluate.sh report): this
    // shared test context differs from the command's (other tests ingest and delete documents, which stay in
    // Lucene's term statistics until segments merge; two embedding predictors instead of one), which can move a
    // borderline question.

    @Test
    void shouldKeepTheMeasuredValuesOnTheTuningSets() throws Exception {
        RetrievalEvaluator.Metrics tuning = hybrid(read("qa-eval.tsv"));
        RetrievalEvaluator.Metrics xling = hybrid(read("qa-xling-tuning.tsv"));
        List<EvalQuestion> diagnosed = new ArrayList<>(read("qa-heldout.tsv"));
        diagnosed.addAll(read("qa-heldout-v2.tsv"));
        diagnosed.addAll(read("qa-heldout-v3.tsv"));
        RetrievalEvaluator.Metrics v123 = hybrid(diagnosed);
        RetrievalEvaluator.Metrics xlingV1 = hybrid(read("qa-heldout-xling-v1.tsv"));
        RetrievalEvaluator.Metrics xlingV2 = hybrid(read("qa-heldout-xling-v2.tsv"));
        RetrievalEvaluator.Metrics xlingV3 = hybrid(read("qa-heldout-xling-v3.tsv"));
        RetrievalEvaluator.Metrics xlingV4 = hybrid(read("qa-heldout-xling-v4.tsv"));
        RetrievalEvaluator.Metrics xlingV5 = hybrid(read("qa-heldout-xling-v5.tsv"));
        RetrievalEvaluator.Metrics xlingV6 = hybrid(read("qa-heldout-xling-v6.tsv"));

        assertThat(tuning.hit1()).as("tuning hit@1 (measured 99/105)").isGreaterThanOrEqualTo(98 / 105.0 - 1e-9);
        assertThat(tuning.noAnswerRecall()).as("tuning no-answer recall (measured 41/45)")
                .isGreaterThanOrEqualTo(40 / 45.0 - 1e-9);
        assertThat(xling.hit1()).as("cross-lingual tuning hit@1 (measured 50/57)")
                .isGreaterThanOrEqualTo(49 / 57.0 - 1e-9);
        assertThat(xling.noAnswerRecall()).as("cross-lingual tuning no-answer recall (measured 11/16)")
                .isGreaterThanOrEqualTo(10 / 16.0 - 1e-9);
        assertThat(v123.hit1()).as("diagnosed v1-v3 hit@1 (measured 140/145)")
                .isGreaterThanOrEqualTo(139 / 145.0 - 1e-9);
        assertThat(v123.confidentWrong()).as("v1-v3 answers from a wrong document at confidence ≥ 0.8 (measured 1)")
                .isLessThanOrEqualTo(2);
        assertThat(xlingV1.hit1()).as("diagnosed cross-lingual v1 hit@1 (measured 50/64)")
                .isGreaterThanOrEqualTo(49 / 64.0 - 1e-9);
        assertThat(xlingV1.noAnswerRecall()).as("diagnosed cross-lingual v1 no-answer recall (measured 21/24)")
                .isGreaterThanOrEqualTo(20 / 24.0 - 1e-9);
        assertThat(xlingV2.hit1()).as("diagnosed cross-lingual v2 hit@1 (measured 58/64)")
                .isGreaterThanOrEqualTo(57 / 64.0 - 1e-9);
        assertThat(xlingV2.noAnswerRecall()).as("diagnosed cross-lingual v2 no-answer recall (measured 18/24)")
                .isGreaterThanOrEqualTo(17 / 24.0 - 1e-9);
        assertThat(xlingV3.hit1()).as("diagnosed cross-lingual v3 hit@1 (measured 53/64)")
                .isGreaterThanOrEqualTo(52 / 64.0 - 1e-9);
        assertThat(xlingV3.noAnswerRecall()).as("diagnosed cross-lingual v3 no-answer recall (measured 21/24)")
                .isGreaterThanOrEqualTo(20 / 24.0 - 1e-9);
        assertThat(xlingV4.hit1()).as("diagnosed cross-lingual v4 hit@1 (measured 56/64)")
                .isGreaterThanOrEqualTo(55 / 64.0 - 1e-9);
        assertThat(xlingV4.noAnswerRecall()).as("diagnosed cross-lingual v4 no-answer recall (measured 22/24)")
                .isGreaterThanOrEqualTo(21 / 24.0 - 1e-9);
        assertThat(xlingV5.hit1()).as("diagnosed cross-lingual v5 hit@1 (measured 56/64)")
                .isGreaterThanOrEqualTo(55 / 64.0 - 1e-9);
        assertThat(xlingV5.noAnswerRecall()).as("diagnosed cross-lingual v5 no-answer recall (measured 17/24, 13/24 "
                + "without the answer-type check)").isGreaterThanOrEqualTo(16 / 24.0 - 1e-9);
        assertThat(xlingV6.hit1()).as("diagnosed cross-lingual v6 hit@1 (measured 52/64)")
                .isGreaterThanOrEqualTo(51 / 64.0 - 1e-9);
        assertThat(xlingV6.noAnswerRecall()).as("diagnosed cross-lingual v6 no-answer recall (measured 15/24)")
                .isGreaterThanOrEqualTo(14 / 24.0 - 1e-9);
    }

    @Test
    void shouldMeetTheMetMonolingualGoalsOnTheCleanHeldOutSetsPooled() throws Exception {
        RetrievalEvaluator.Metrics m = hybrid(v4v5());

        assertThat(m.ece()).as("v4 + v5 expected calibration error (measured 0.064)").isLessThanOrEqualTo(0.10);
        assertThat(m.confidentWrongShare()).as("v4 + v5 wrong document at confidence ≥ 0.8 (measured 0/100)")
                .isLessThanOrEqualTo(0.02);
        // Regression guards at the measured values (the unmet goals are disabled below).
        assertThat(m.hit1()).as("v4 + v5 hit@1 (measured 94/100)").isGreaterThanOrEqualTo(93 / 100.0 - 1e-9);
        assertThat(m.noAnswerRecall()).as("v4 + v5 no-answer recall (measured 32/40)")
                .isGreaterThanOrEqualTo(31 / 40.0 - 1e-9);
        assertThat(m.noAnswerPrecision()).as("v4 + v5 no-answer precision (measured 32/39)")
                .isGreaterThanOrEqualTo(31 / 39.0 - 1e-9);
        assertThat(m.answeredCorrectly()).as("v4 + v5 answered from the right document (measured 90/100)")
                .isGreaterThanOrEqualTo(0.89 - 1e-9);
    }

    @Disabled("Goals not met on held-out v4 + v5 (pooled, never tuned on) with the learned language switch: hit@1 "
            + "0.940 (94/100; 0.950 with the rule alone, one English question in v5 now switched to a Chinese "
            + "neighbour), no-answer recall 0.800 (32/40; 0.850 in the fourth step) and precision 0.821 (32 of 39 "
            + "refusals justified). ECE 0.064 and wrong document at >= 0.8 on 0% are met. See docs/nlp-qa.md.")
    @Test
    void shouldMeetTheMonolingualGoalsOnTheCleanHeldOutSetsPooled() throws Exception {
        RetrievalEvaluator.Metrics m = hybrid(v4v5());
        assertThat(m.hit1()).isGreaterThanOrEqualTo(0.95);
        assertThat(m.noAnswerRecall()).isGreaterThanOrEqualTo(0.85);
        assertThat(m.noAnswerPrecision()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void shouldMeetTheMetGoalsOnTheSealedCrossLingualSet() throws Exception {
        RetrievalEvaluator.Metrics m = sealedCrossLingualGuards("qa-heldout-xling-v7.tsv", 0, 54, 49, 18);
        assertThat(m.ece()).as("ECE (measured 0.063; goal 0.10)").isLessThanOrEqualTo(0.10);
    }

    @Disabled("Goals not met on the sealed cross-lingual held-out v7 (one run, after the freeze): hit@1 0.844 (54/64, "
            + "one question short; the rule alone 0.766, hybrid before 0.156; the earlier sealed sets v5 and v6 "
            + "measured 0.859 and 0.813), no-answer recall 0.750 (18 of 24 refused) and precision 0.600 (12 of the 30 "
            + "refusals are answerable questions). ECE 0.063 and wrong document at >= 0.8 (0 of 64) are met. See "
            + "docs/nlp-qa.md.")
    @Test
    void shouldMeetTheCrossLingualGoals() throws Exception {
        RetrievalEvaluator.Metrics m = hybrid(read("qa-heldout-xling-v7.tsv"));
        assertThat(m.hit1()).isGreaterThanOrEqualTo(0.85);
        assertThat(m.noAnswerRecall()).isGreaterThanOrEqualTo(0.85);
        assertThat(m.noAnswerPrecision()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void shouldMeetTheMetGoalsOnTheSealedCrossLingualSetV8() throws Exception {
        // the pipeline of the seventh step, unchanged; hit@1 also meets its goal of 0.85
        sealedCrossLingualGuards("qa-heldout-xling-v8.tsv", 1, 55, 53, 15);
    }

    /**
     * The met goal of a sealed cross-lingual set (64 answerable, 24 unanswerable questions), wrong document at
     * confidence ≥ 0.8 at most 2%, and regression guards one question below the counts of its single run: right
     * document first, answered from the right document, unanswerable questions refused. The unmet goals are
     * disabled tests of their own.
     */
    private RetrievalEvaluator.Metrics sealedCrossLingualGuards(String file, int confidentWrong, int hit1,
                                                                int answeredRight, int refused) throws IOException {
        List<EvalQuestion> questions = read(file);
        assertThat(questions.stream().filter(EvalQuestion::answerable).count()).isEqualTo(64);

        RetrievalEvaluator.Metrics m = hybrid(questions);

        assertThat(m.confidentWrongShare())
                .as("%s: wrong document at confidence ≥ 0.8 (measured %d of 64; goal ≤ 2%%)", file, confidentWrong)
                .isLessThanOrEqualTo(0.02);
        assertThat(m.hit1()).as("%s: hit@1 (measured %d/64)", file, hit1)
                .isGreaterThanOrEqualTo((hit1 - 1) / 64.0 - 1e-9);
        assertThat(m.answeredCorrectly()).as("%s: answered from the right document (measured %d/64)", file,
                answeredRight).isGreaterThanOrEqualTo((answeredRight - 1) / 64.0 - 1e-9);
        assertThat(m.noAnswerRecall()).as("%s: no-answer recall (measured %d/24)", file, refused)
                .isGreaterThanOrEqualTo((refused - 1) / 24.0 - 1e-9);
        return m;
    }

    @Disabled("Goals not met on the sealed cross-lingual held-out v8 (one run of the seventh step's pipeline, "
            + "unchanged): ECE 0.124 (seven unanswerable questions answered at confidence >= 0.8: neighbouring facts "
            + "of a page on the very topic, such as who devised BM25 or the size of ImageNet's training set), no-answer "
            + "recall 0.625 (15 of 24 refused) and precision 0.750 (5 of the 20 refusals are answerable questions). "
            + "hit@1 0.859 and wrong document at >= 0.8 (1 of 64) are met. See docs/nlp-qa.md.")
    @Test
    void shouldMeetTheCrossLingualGoalsOnV8() throws Exception {
        RetrievalEvaluator.Metrics m = hybrid(read("qa-heldout-xling-v8.tsv"));
        assertThat(m.ece()).isLessThanOrEqualTo(0.10);
        assertThat(m.noAnswerRecall()).isGreaterThanOrEqualTo(0.85);
        assertThat(m.noAnswerPrecision()).isGreaterThanOrEqualTo(0.90);
    }

    private static List<EvalQuestion> v4v5() throws IOException {
        List<EvalQuestion> pooled = new ArrayList<>(read("qa-heldout-v4.tsv"));
        pooled.addAll(read("qa-heldout-v5.tsv"));
        assertThat(pooled.stream().filter(EvalQuestion::answerable).count()).isEqualTo(100);
        return pooled;
    }

    private static List<EvalQuestion> read(String file) throws IOException {
        return EvalQuestion.read(Path.of("eval", file));
    }

    private RetrievalEvaluator.Metrics hybrid(List<EvalQuestion> questions) {
        return RetrievalEvaluator.metrics(new RetrievalEvaluator(service).run(questions, RetrievalMode.HYBRID));
    }
}
