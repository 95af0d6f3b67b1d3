package dev.aigc.nlp.eval;

import dev.aigc.nlp.qa.HybridRetriever;
import dev.aigc.nlp.qa.RetrievalMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Scores a retriever on the evaluation set: hit@1, hit@5 and MRR over the answerable questions (ranking distinct
 * documents by their best chunk), and the no-answer decision. The decision signal is the top BM25 score for BM25,
 * the cosine similarity of the top chunk for dense, and the service's relevance signal (top chunk cosine +
 * lexicalWeight × best BM25 score) for hybrid.
 */
public class RetrievalEvaluator {

    private final HybridRetriever retriever;
    private final double lexicalWeight;

    public RetrievalEvaluator(HybridRetriever retriever, double lexicalWeight) {
        this.retriever = retriever;
        this.lexicalWeight = lexicalWeight;
    }

    public List<Outcome> run(List<EvalQuestion> questions, RetrievalMode mode) {
        List<Outcome> out = new ArrayList<>();
        for (EvalQuestion q : questions) {
            float[] v = retriever.embedQuestion(q.question());
            HybridRetriever.Retrieval retrieval = retriever.retrieve(q.question(), v, mode);
            List<HybridRetriever.RankedChunk> ranked = retrieval.ranked();
            LinkedHashSet<String> docs = new LinkedHashSet<>();
            ranked.forEach(r -> docs.add(r.chunk().docId()));
            int rank = q.answerable() ? new ArrayList<>(docs).indexOf(q.expectedDocId()) + 1 : 0;
            double signal = ranked.isEmpty() ? Double.NEGATIVE_INFINITY
                    : switch (mode) {
                        case BM25 -> retrieval.topBm25();
                        case DENSE -> ranked.get(0).cosine();
                        case HYBRID -> retrieval.relevance(lexicalWeight);
                    };
            out.add(new Outcome(q, rank, signal, docs.isEmpty() ? null : docs.iterator().next()));
        }
        return out;
    }

    /** Metrics at a given no-answer threshold (signal below it → "cannot answer"). */
    public static Metrics metrics(List<Outcome> outcomes, double threshold) {
        int answerable = 0;
        int hit1 = 0;
        int hit5 = 0;
        double rr = 0;
        int refused = 0;
        int refusedCorrectly = 0;
        int unanswerable = 0;
        int answeredRight = 0;
        for (Outcome o : outcomes) {
            boolean refuse = o.signal() < threshold;
            if (refuse) {
                refused++;
            }
            if (o.question().answerable()) {
                answerable++;
                hit1 += o.rank() == 1 ? 1 : 0;
                hit5 += o.rank() >= 1 && o.rank() <= 5 ? 1 : 0;
                rr += o.rank() >= 1 ? 1.0 / o.rank() : 0;
                answeredRight += !refuse && o.rank() == 1 ? 1 : 0;
            } else {
                unanswerable++;
                refusedCorrectly += refuse ? 1 : 0;
            }
        }
        return new Metrics(answerable, unanswerable, (double) hit1 / answerable, (double) hit5 / answerable,
                rr / answerable, threshold, refused == 0 ? 0 : (double) refusedCorrectly / refused,
                unanswerable == 0 ? 0 : (double) refusedCorrectly / unanswerable,
                (double) answeredRight / answerable);
    }

    /**
     * The threshold that classifies answerable vs. unanswerable questions best (accuracy), ties broken by higher
     * no-answer precision; it sits midway between two neighbouring observed signals.
     */
    public static double calibrate(List<Outcome> outcomes) {
        List<Double> signals = outcomes.stream().map(Outcome::signal).sorted(Comparator.naturalOrder()).toList();
        double best = signals.get(0);
        double bestAccuracy = -1;
        double bestPrecision = -1;
        for (int i = 0; i + 1 < signals.size(); i++) {
            double t = (signals.get(i) + signals.get(i + 1)) / 2;
            int correct = 0;
            for (Outcome o : outcomes) {
                boolean refuse = o.signal() < t;
                correct += refuse != o.question().answerable() ? 1 : 0;
            }
            double accuracy = (double) correct / outcomes.size();
            double precision = metrics(outcomes, t).noAnswerPrecision();
            if (accuracy > bestAccuracy || (accuracy == bestAccuracy && precision > bestPrecision)) {
                best = t;
                bestAccuracy = accuracy;
                bestPrecision = precision;
            }
        }
        return best;
    }

    /** One question's result: rank of the expected document (0 = not retrieved) and the decision signal. */
    public record Outcome(EvalQuestion question, int rank, double signal, String topDocId) {
    }

    /**
     * @param noAnswerPrecision of the questions refused, the share the base really cannot answer
     * @param noAnswerRecall    of the unanswerable questions, the share refused
     * @param answeredCorrectly of the answerable questions, the share answered with the right top document
     */
    public record Metrics(int answerable, int unanswerable, double hit1, double hit5, double mrr, double threshold,
                          double noAnswerPrecision, double noAnswerRecall, double answeredCorrectly) {
    }
}
