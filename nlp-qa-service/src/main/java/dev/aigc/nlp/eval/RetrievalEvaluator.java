package dev.aigc.nlp.eval;

import dev.aigc.nlp.qa.HybridRetriever;
import dev.aigc.nlp.qa.QaProperties;
import dev.aigc.nlp.qa.PassageSelector;
import dev.aigc.nlp.qa.RetrievalMode;
import dev.aigc.nlp.qa.TermCoverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Scores a retriever on the evaluation set, after the service's answering-document choice ({@link PassageSelector}):
 * hit@1, hit@5 and MRR over the answerable questions (ranking distinct documents by their best chunk), and the
 * no-answer decision. The decision signal is the top BM25 score for BM25,
 * the cosine similarity of the top chunk for dense, and the service's relevance signal (top chunk cosine +
 * lexicalWeight × best BM25 score) for hybrid; a {@link Decision} combines it with the service's term check
 * ({@link TermCoverage} on the passages the answer would come from), or not ("relevance only", the decision before
 * the term check existed).
 */
public class RetrievalEvaluator {

    private final HybridRetriever retriever;
    private final PassageSelector selector;
    private final double lexicalWeight;

    public RetrievalEvaluator(HybridRetriever retriever, PassageSelector selector, double lexicalWeight) {
        this.retriever = retriever;
        this.selector = selector;
        this.lexicalWeight = lexicalWeight;
    }

    public List<Outcome> run(List<EvalQuestion> questions, RetrievalMode mode) {
        List<Outcome> out = new ArrayList<>();
        for (EvalQuestion q : questions) {
            float[] v = retriever.embedQuestion(q.question());
            PassageSelector.Selection selection = selector.select(q.question(), retriever.retrieve(q.question(), v, mode));
            HybridRetriever.Retrieval retrieval = selection.retrieval();
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
            out.add(new Outcome(q, rank, signal, docs.isEmpty() ? null : docs.iterator().next(), selection.terms()));
        }
        return out;
    }

    /** Metrics under a decision (signal below its threshold or a failed term check → "cannot answer"). */
    public static Metrics metrics(List<Outcome> outcomes, Decision decision) {
        int answerable = 0;
        int hit1 = 0;
        int hit5 = 0;
        double rr = 0;
        int refused = 0;
        int refusedCorrectly = 0;
        int unanswerable = 0;
        int answeredRight = 0;
        for (Outcome o : outcomes) {
            boolean refuse = decision.refuses(o);
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
                rr / answerable, decision.threshold(), refused == 0 ? 0 : (double) refusedCorrectly / refused,
                unanswerable == 0 ? 0 : (double) refusedCorrectly / unanswerable,
                (double) answeredRight / answerable);
    }

    /**
     * The threshold that, together with the term check of {@code termCheck} (its threshold is ignored), classifies
     * answerable vs. unanswerable questions best (accuracy), ties broken by higher no-answer precision; it sits
     * midway between two neighbouring observed signals.
     */
    public static double calibrate(List<Outcome> outcomes, Decision termCheck) {
        List<Double> signals = outcomes.stream().map(Outcome::signal).sorted(Comparator.naturalOrder()).toList();
        double best = signals.get(0);
        double bestAccuracy = -1;
        double bestPrecision = -1;
        for (int i = 0; i + 1 < signals.size(); i++) {
            double t = (signals.get(i) + signals.get(i + 1)) / 2;
            Decision d = termCheck.withThreshold(t);
            int correct = 0;
            for (Outcome o : outcomes) {
                correct += d.refuses(o) != o.question().answerable() ? 1 : 0;
            }
            double accuracy = (double) correct / outcomes.size();
            double precision = metrics(outcomes, d).noAnswerPrecision();
            if (accuracy > bestAccuracy || (accuracy == bestAccuracy && precision > bestPrecision)) {
                best = t;
                bestAccuracy = accuracy;
                bestPrecision = precision;
            }
        }
        return best;
    }

    /**
     * One question's result: rank of the expected document (0 = not retrieved), the decision signal, the top
     * document and the term check on its answering passages (null when nothing was retrieved).
     */
    public record Outcome(EvalQuestion question, int rank, double signal, String topDocId, TermCoverage.Result terms) {
    }

    /**
     * How the answer / refuse decision is made: refuse when the signal is below {@code threshold}, or the term
     * coverage below {@code minTermCoverage}, or (if {@code refuseUnknownNames}) the question names something the
     * base never mentions.
     */
    public record Decision(double threshold, double minTermCoverage, boolean refuseUnknownNames) {

        /** The decision before the term check: the threshold alone. */
        public static Decision relevanceOnly(double threshold) {
            return new Decision(threshold, 0, false);
        }

        /** The service's decision with its shipped settings. */
        public static Decision shipped(QaProperties p) {
            return new Decision(p.minSimilarity(), p.minTermCoverage(), p.refuseUnknownNames());
        }

        public Decision withThreshold(double t) {
            return new Decision(t, minTermCoverage, refuseUnknownNames);
        }

        public boolean termCheck() {
            return minTermCoverage > 0 || refuseUnknownNames;
        }

        public boolean refuses(Outcome o) {
            return o.signal() < threshold
                    || (o.terms() != null && !o.terms().passes(minTermCoverage, refuseUnknownNames));
        }
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
