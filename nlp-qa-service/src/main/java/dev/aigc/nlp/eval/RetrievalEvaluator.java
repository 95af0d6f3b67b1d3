package dev.aigc.nlp.eval;

import dev.aigc.nlp.qa.HybridRetriever;
import dev.aigc.nlp.qa.QaService;
import dev.aigc.nlp.qa.RetrievalMode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs questions through the service's assessment ({@link QaService#assess}: retrieval, document choice, term check,
 * calibrated confidence and decision, everything but composing the answer text) and scores it: hit@1, hit@5 and MRR
 * over the answerable questions (distinct documents ranked by their best chunk), the answer / refuse decision, the
 * answers from a wrong document given with high confidence, and the calibration of the confidence (reliability bins
 * and expected calibration error). "Correct" means answerable and the answering document is the expected one.
 */
public class RetrievalEvaluator {

    /** An answer from a wrong document at or above this confidence counts as a confident error. */
    public static final double CONFIDENT = 0.8;
    public static final int BINS = 10;

    private final QaService service;

    public RetrievalEvaluator(QaService service) {
        this.service = service;
    }

    public List<Outcome> run(List<EvalQuestion> questions, RetrievalMode mode) {
        List<Outcome> out = new ArrayList<>();
        for (EvalQuestion q : questions) {
            long start = System.nanoTime();
            QaService.Assessment a = service.assess(q.question(), mode);
            double ms = (System.nanoTime() - start) / 1e6;
            LinkedHashSet<String> docs = new LinkedHashSet<>();
            if (a != null) {
                a.selection().ranked().forEach(r -> docs.add(r.chunk().docId()));
            }
            int rank = q.answerable() ? new ArrayList<>(docs).indexOf(q.expectedDocId()) + 1 : 0;
            String lang = a == null ? null : a.selection().ranked().get(0).chunk().lang();
            out.add(new Outcome(q, rank, docs.isEmpty() ? null : docs.iterator().next(), lang, a, ms));
        }
        return out;
    }

    /** Metrics under the service's own decision. */
    public static Metrics metrics(List<Outcome> outcomes) {
        return metrics(outcomes, o -> !o.answered());
    }

    /** Metrics under another decision ({@code refuses}); the confidence stays the service's. */
    public static Metrics metrics(List<Outcome> outcomes, Predicate<Outcome> refuses) {
        int answerable = 0;
        int hit1 = 0;
        int hit5 = 0;
        double rr = 0;
        int refused = 0;
        int refusedCorrectly = 0;
        int unanswerable = 0;
        int answeredRight = 0;
        int confidentWrong = 0;
        int confidentUnanswerable = 0;
        for (Outcome o : outcomes) {
            boolean refuse = refuses.test(o);
            refused += refuse ? 1 : 0;
            if (o.question().answerable()) {
                answerable++;
                hit1 += o.rank() == 1 ? 1 : 0;
                hit5 += o.rank() >= 1 && o.rank() <= 5 ? 1 : 0;
                rr += o.rank() >= 1 ? 1.0 / o.rank() : 0;
                answeredRight += !refuse && o.rank() == 1 ? 1 : 0;
                confidentWrong += !refuse && o.rank() != 1 && o.confidence() >= CONFIDENT ? 1 : 0;
            } else {
                unanswerable++;
                refusedCorrectly += refuse ? 1 : 0;
                confidentUnanswerable += !refuse && o.confidence() >= CONFIDENT ? 1 : 0;
            }
        }
        return new Metrics(answerable, unanswerable, ratio(hit1, answerable), ratio(hit5, answerable),
                answerable == 0 ? 0 : rr / answerable, ratio(refusedCorrectly, refused),
                ratio(refusedCorrectly, unanswerable), ratio(answeredRight, answerable),
                confidentWrong, ratio(confidentWrong, answerable), confidentUnanswerable, ece(outcomes));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** Reliability table: {@value #BINS} equal-width confidence bins, each with its count, mean confidence and share correct. */
    public static List<Bin> reliability(List<Outcome> outcomes) {
        return reliability(outcomes, Outcome::confidence);
    }

    /** The same bins for another confidence of each outcome (e.g. an out-of-fold model's). */
    public static List<Bin> reliability(List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> confidence) {
        int[] n = new int[BINS];
        double[] conf = new double[BINS];
        int[] correct = new int[BINS];
        for (Outcome o : outcomes) {
            double c = confidence.applyAsDouble(o);
            int b = Math.min(BINS - 1, (int) Math.floor(c * BINS));
            n[b]++;
            conf[b] += c;
            correct[b] += o.correct() ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, n[b], n[b] == 0 ? 0 : conf[b] / n[b],
                    n[b] == 0 ? 0 : (double) correct[b] / n[b]));
        }
        return bins;
    }

    /** Expected calibration error: Σ over bins of (bin size / N) × |share correct − mean confidence|. */
    public static double ece(List<Outcome> outcomes) {
        return ece(outcomes, Outcome::confidence);
    }

    /** The expected calibration error for another confidence of each outcome. */
    public static double ece(List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> confidence) {
        double e = 0;
        for (Bin b : reliability(outcomes, confidence)) {
            e += (double) b.count() / outcomes.size() * Math.abs(b.shareCorrect() - b.meanConfidence());
        }
        return outcomes.isEmpty() ? 0 : e;
    }

    /**
     * One question's result: rank of the expected document (0 = not retrieved), the answering document and its
     * language, the assessment (null when nothing was retrieved) and the time it took.
     */
    public record Outcome(EvalQuestion question, int rank, String topDocId, String topLang, QaService.Assessment assessment,
                          double ms) {

        public boolean answered() {
            return assessment != null && assessment.answered();
        }

        public double confidence() {
            return assessment == null ? 0 : assessment.confidence();
        }

        /** Answerable and answered (or, for the calibration, answerable) from the expected document. */
        public boolean correct() {
            return question.answerable() && rank == 1;
        }

        public List<HybridRetriever.RankedChunk> ranked() {
            return assessment == null ? List.of() : assessment.selection().ranked();
        }
    }

    public record Bin(double from, double to, int count, double meanConfidence, double shareCorrect) {
    }

    /**
     * @param noAnswerPrecision      of the questions refused, the share the base really cannot answer
     * @param noAnswerRecall         of the unanswerable questions, the share refused
     * @param answeredCorrectly      of the answerable questions, the share answered from the right document
     * @param confidentWrong         answerable questions answered from a wrong document with confidence ≥ 0.8
     * @param confidentWrongShare    the same as a share of the answerable questions
     * @param confidentUnanswerable  unanswerable questions answered with confidence ≥ 0.8
     * @param ece                    expected calibration error of the confidence against "correct"
     */
    public record Metrics(int answerable, int unanswerable, double hit1, double hit5, double mrr,
                          double noAnswerPrecision, double noAnswerRecall, double answeredCorrectly,
                          int confidentWrong, double confidentWrongShare, int confidentUnanswerable, double ece) {
    }
}
