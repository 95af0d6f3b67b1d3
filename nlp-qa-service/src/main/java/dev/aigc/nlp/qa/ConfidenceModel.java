package dev.aigc.nlp.qa;

import java.util.List;

/**
 * The calibrated confidence: a logistic regression over signals the pipeline computes anyway, giving the probability
 * that the answer comes from the right document (an unanswerable question has none). Fitted offline on the tuning
 * sets only ({@code dev.aigc.nlp.eval.CalibrationFit}); the coefficients, the refusal threshold and how they were
 * fitted are in {@code qa/confidence-model.properties}. A question that names something the base never mentions
 * gets 0 regardless (the unknown-name rule).
 */
public final class ConfidenceModel {

    /** Feature names, in the order of {@link Features#vector()}. */
    public static final List<String> FEATURES = List.of("cosine", "log1p_bm25", "log1p_cross_bm25", "coverage",
            "cross_language", "zh_question", "margin", "promoted", "cross_language_x_coverage",
            "cross_language_x_cosine", "log1p_view", "view_margin", "dense_view", "dense_view_margin");

    public static final String RESOURCE = "qa/confidence-model.properties";

    private final double intercept;
    private final double[] weights;
    private final double threshold;

    public ConfidenceModel(double intercept, double[] weights, double threshold) {
        if (weights.length != FEATURES.size()) {
            throw new IllegalArgumentException("expected " + FEATURES.size() + " weights, got " + weights.length);
        }
        this.intercept = intercept;
        this.weights = weights.clone();
        this.threshold = threshold;
    }

    /** The shipped model from the classpath. */
    public static ConfidenceModel load() {
        FittedParameters p = FittedParameters.load(RESOURCE);
        return new ConfidenceModel(p.number("intercept"), p.weights("", FEATURES), p.number("threshold"));
    }

    public double probability(Features f) {
        return FittedParameters.logistic(intercept, weights, f.vector());
    }

    /** Below this calibrated probability the service refuses (chosen on the tuning sets together with the fit). */
    public double threshold() {
        return threshold;
    }

    public double intercept() {
        return intercept;
    }

    public double[] weights() {
        return weights.clone();
    }

    @Override
    public String toString() {
        return FittedParameters.describe(intercept, weights, FEATURES, threshold);
    }

    /**
     * The signals of one answer: cosine of the answering document's best passage, best BM25 score of the question
     * as written and of its translation, term coverage of the answering passages, whether they are in the other
     * language, whether the question is Chinese, the relative margin of the first document's fused score over the
     * second's, whether the document choice promoted the second document, the answering document's English-view
     * BM25 score (both languages on one scale) and its margin {@code ln(1 + view) − ln(1 + best other document's)},
     * and its dense English-view cosine ({@link DenseEnglishView}, 0 without it) and that cosine's margin over the best
     * other candidate document's.
     */
    public record Features(double cosine, double bm25, double crossBm25, double coverage, boolean crossLanguage,
                           boolean zhQuestion, double margin, boolean promoted, double view, double viewMargin,
                           double denseView, double denseViewMargin) {

        public double[] vector() {
            double cross = crossLanguage ? 1 : 0;
            return new double[] {cosine, Math.log1p(Math.max(0, bm25)), Math.log1p(Math.max(0, crossBm25)), coverage,
                    cross, zhQuestion ? 1 : 0, margin, promoted ? 1 : 0, cross * coverage, cross * cosine,
                    Math.log1p(Math.max(0, view)), viewMargin, denseView, denseViewMargin};
        }
    }
}
