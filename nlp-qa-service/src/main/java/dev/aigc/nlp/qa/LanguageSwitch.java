package dev.aigc.nlp.qa;

import java.util.List;

/**
 * The learned half of the language decision: a logistic regression, one per question language, of the probability
 * that the cross-lingual ranking's first page (not the same-language choice) is the page that answers, over signals
 * of both pages the pipeline has computed anyway ({@link Signals}). The cross-lingual page answers when the rule of
 * {@link QaProperties.LanguageDecision} says so or this probability reaches the language's threshold; the threshold is
 * chosen out of fold so that the switch loses at most one monolingual tuning question. Fitted offline on the tuning
 * sets only ({@code evaluate.sh fit-switch}); coefficients, thresholds and how they were chosen are in
 * {@code qa/language-switch.properties}.
 */
public final class LanguageSwitch {

    /** Feature names, in the order of {@link Signals#vector()}. */
    public static final List<String> FEATURES = List.of("view_diff", "dense_diff", "coverage_diff", "same_coverage",
            "cross_coverage", "cosine_diff", "log1p_bm25", "log1p_cross_bm25", "same_dense", "cross_dense",
            "log1p_same_view", "same_cosine");

    public static final String RESOURCE = "qa/language-switch.properties";

    private final Side english;
    private final Side chinese;

    public LanguageSwitch(Side english, Side chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The shipped model from the classpath. */
    public static LanguageSwitch load() {
        FittedParameters p = FittedParameters.load(RESOURCE);
        return new LanguageSwitch(Side.read(p, "en"), Side.read(p, "zh"));
    }

    /** Whether the cross-lingual page answers by this model (its probability reaches the language's threshold). */
    public boolean prefersCross(boolean chineseQuestion, Signals s) {
        Side side = chineseQuestion ? chinese : english;
        return side.probability(s) >= side.threshold();
    }

    public Side side(boolean chineseQuestion) {
        return chineseQuestion ? chinese : english;
    }

    @Override
    public String toString() {
        return "en: " + english + "\nzh: " + chinese;
    }

    /** One question language's regression and threshold. */
    public record Side(double intercept, double[] weights, double threshold) {

        public Side {
            if (weights.length != FEATURES.size()) {
                throw new IllegalArgumentException("expected " + FEATURES.size() + " weights, got " + weights.length);
            }
            weights = weights.clone();
        }

        static Side read(FittedParameters p, String lang) {
            return new Side(p.number(lang + ".intercept"), p.weights(lang + ".", FEATURES), p.number(lang + ".threshold"));
        }

        public double probability(Signals s) {
            return FittedParameters.logistic(intercept, weights, s.vector());
        }

        @Override
        public String toString() {
            return FittedParameters.describe(intercept, weights, FEATURES, threshold);
        }
    }

    /**
     * Both candidate pages' signals: English-view BM25 (both pages in one field), dense English-view cosine, term
     * coverage of the answering passages (the cross-lingual page's through the question's translation), the
     * Chinese-model cosine of each page's first chunk, and the best BM25 score of the question as written and of its
     * translation.
     */
    public record Signals(double sameView, double crossView, double sameDense, double crossDense, double sameCoverage,
                          double crossCoverage, double sameCosine, double crossCosine, double bm25, double crossBm25) {

        /**
         * The signals of the same-language choice's first chunk {@code same} against the first chunk of the retrieval's
         * cross-lingual ranking (which must not be empty).
         */
        public static Signals of(HybridRetriever.Retrieval r, HybridRetriever.RankedChunk same, double sameCoverage,
                                 double crossCoverage) {
            HybridRetriever.RankedChunk cross = r.crossRanked().get(0);
            String sameDoc = same.chunk().docId();
            String crossDoc = cross.chunk().docId();
            return new Signals(r.englishViewScore(sameDoc), r.englishViewScore(crossDoc), r.denseViewScore(sameDoc),
                    r.denseViewScore(crossDoc), sameCoverage, crossCoverage, same.cosine(), cross.cosine(), r.topBm25(),
                    r.topCrossBm25());
        }

        public double[] vector() {
            return new double[] {Math.log1p(crossView) - Math.log1p(sameView), crossDense - sameDense,
                    crossCoverage - sameCoverage, sameCoverage, crossCoverage, crossCosine - sameCosine,
                    Math.log1p(Math.max(0, bm25)), Math.log1p(Math.max(0, crossBm25)), sameDense, crossDense,
                    Math.log1p(sameView), sameCosine};
        }
    }
}
