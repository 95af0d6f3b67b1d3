package dev.aigc.nlp.qa;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Question-answering settings ({@code nlp.qa.*}).
 *
 * @param minSimilarity      below this relevance signal (see lexicalWeight) the service
 *                           answers {@code answered=false}; calibrated on the evaluation set (see docs/nlp-qa.md)
 * @param rrfK               the constant of reciprocal rank fusion
 * @param candidates         how many chunks each retriever contributes before fusion
 * @param queryInstruction   prefix questions with bge's retrieval instruction before embedding them (measured
 *                           slightly worse on this base, so off by default)
 * @param denseWeightEnglish weight of the dense list in the fusion for English questions (Chinese questions: 1);
 *                           the embedding model is Chinese-centric and ranks English passages poorly
 * @param lexicalWeight      weight of the best BM25 score in the relevance signal
 *                           {@code cosine(top passage) + lexicalWeight × bm25(best)} compared with minSimilarity
 * @param maxQuestionChars   the longest accepted question
 * @param minTermCoverage    term check: below this IDF-weighted share of the question's salient terms found in
 *                           the answering passages the service answers {@code answered=false} (0 turns it off); see
 *                           {@link TermCoverage}
 * @param refuseUnknownNames term check: answer {@code answered=false} when the question names something (an
 *                           acronym, a product, a method written as a name) that occurs nowhere in the knowledge base
 * @param promoteMargin      answering-document choice: one of the next documents replaces retrieval's first when its
 *                           term coverage is higher by at least this much (1 turns it off); see {@link PassageSelector}
 * @param crossLingualWeight    fusion weight of the BM25 list of the question translated into the other language
 *                              ({@link Bilingual}; 0 leaves it out)
 * @param translatedDenseWeight fusion weight of the dense list of the translated question's embedding (0 = off)
 * @param englishViewWeight     fusion weight, in the cross-lingual ranking, of BM25 over the other language's chunks
 *                              in their English view (Chinese chunks glossed word by word, {@link Bilingual#gloss})
 *                              with the question in English (a Chinese question glossed the same way; 0 = off)
 * @param crossLingualMargin    document choice, the earlier rule, used only without a language decision: the first
 *                              document of the cross-lingual ranking answers when its term coverage (through the
 *                              translation) is higher by at least this (1 = never)
 * @param languageDecision      document choice between the same-language page and the cross-lingual ranking's first
 *                              page by their English-view BM25 scores, per question language (see
 *                              {@link LanguageDecision}); null = off
 * @param denseView             the dense English view ({@link DenseEnglishView}): bge-small-en over every page's English
 *                              view, scoring the candidate pages of both rankings on one scale; null = off
 * @param calibrated            decide and report confidence with the calibrated {@link ConfidenceModel} (refuse below
 *                              its threshold); false = the fixed rules (minSimilarity and minTermCoverage)
 * @param answerTypeCheck       refuse (confidence 0) a question that asks for a year or a number when the composed
 *                              answer holds none ({@link AnswerType})
 */
@Validated
@ConfigurationProperties("nlp.qa")
public record QaProperties(@DecimalMin("-1") @DecimalMax("1") double minSimilarity, @Min(1) int rrfK,
                           @Min(1) @Max(200) int candidates, boolean queryInstruction,
                           @DecimalMin("0") @DecimalMax("1") double denseWeightEnglish,
                           @DecimalMin("0") @DecimalMax("1") double lexicalWeight,
                           @Min(10) int maxQuestionChars,
                           @DecimalMin("0") @DecimalMax("1") double minTermCoverage, boolean refuseUnknownNames,
                           @DecimalMin("0") @DecimalMax("1") double promoteMargin,
                           @DecimalMin("0") @DecimalMax("2") double crossLingualWeight,
                           @DecimalMin("0") @DecimalMax("2") double translatedDenseWeight,
                           @DecimalMin("0") @DecimalMax("2") double englishViewWeight,
                           @DecimalMin("0") @DecimalMax("1") double crossLingualMargin,
                           @Valid LanguageDecision languageDecision, @Valid DenseView denseView,
                           boolean calibrated, boolean answerTypeCheck) {

    /** Whether a cross-lingual list runs (and the document choice also compares the best other-language page). */
    public boolean crossLingual() {
        return crossLingualWeight > 0 || translatedDenseWeight > 0 || englishViewWeight > 0;
    }

    /** These settings with another cross-lingual margin. */
    public QaProperties withCrossLingualMargin(double margin) {
        return new QaProperties(minSimilarity, rrfK, candidates, queryInstruction, denseWeightEnglish, lexicalWeight,
                maxQuestionChars, minTermCoverage, refuseUnknownNames, promoteMargin, crossLingualWeight,
                translatedDenseWeight, englishViewWeight, margin, languageDecision, denseView, calibrated, answerTypeCheck);
    }

    /** These settings with another language decision (null = off). */
    public QaProperties withLanguageDecision(LanguageDecision decision) {
        return new QaProperties(minSimilarity, rrfK, candidates, queryInstruction, denseWeightEnglish, lexicalWeight,
                maxQuestionChars, minTermCoverage, refuseUnknownNames, promoteMargin, crossLingualWeight,
                translatedDenseWeight, englishViewWeight, crossLingualMargin, decision, denseView, calibrated, answerTypeCheck);
    }

    /** These settings with the answer-type check on or off. */
    public QaProperties withAnswerTypeCheck(boolean on) {
        return new QaProperties(minSimilarity, rrfK, candidates, queryInstruction, denseWeightEnglish, lexicalWeight,
                maxQuestionChars, minTermCoverage, refuseUnknownNames, promoteMargin, crossLingualWeight,
                translatedDenseWeight, englishViewWeight, crossLingualMargin, languageDecision, denseView, calibrated, on);
    }

    /** These settings with another dense English view (null = off). */
    public QaProperties withDenseView(DenseView view) {
        return new QaProperties(minSimilarity, rrfK, candidates, queryInstruction, denseWeightEnglish, lexicalWeight,
                maxQuestionChars, minTermCoverage, refuseUnknownNames, promoteMargin, crossLingualWeight,
                translatedDenseWeight, englishViewWeight, crossLingualMargin, languageDecision, view, calibrated, answerTypeCheck);
    }

    /**
     * The dense English view ({@link DenseEnglishView}).
     *
     * @param enabled      score the candidate pages of both rankings by their dense English-view cosine and reorder
     *                     the cross-lingual ranking's first documents by {@code ln(1 + English-view BM25) +
     *                     rerankWeight × that cosine}
     * @param rerankWeight    weight of the dense cosine in that order
     * @param rerankDocuments how many of the cross-lingual ranking's first documents are scored and reordered
     * @param cacheSize       how many chunk embeddings are cached
     */
    public record DenseView(boolean enabled, @DecimalMin("0") @DecimalMax("20") double rerankWeight,
                            @Min(1) @Max(50) int rerankDocuments, @Min(0) int cacheSize) {
    }

    /**
     * The cross-lingual ranking's first page answers instead of the same-language choice when its English-view BM25
     * score beats the same-language page's, {@code ln(1 + cross) > ln(1 + same) + margin}, and its term coverage is
     * at least the same-language page's minus {@code coverageSlack}, or when its term coverage alone is higher by at
     * least {@code coverageMargin} (1 = never); all per question language. With {@code learnedSwitch} it also
     * answers when the learned {@link LanguageSwitch} prefers it.
     */
    public record LanguageDecision(@DecimalMin("-2") @DecimalMax("2") double marginEnglish,
                                   @DecimalMin("0") @DecimalMax("1") double coverageSlackEnglish,
                                   @DecimalMin("0") @DecimalMax("1") double coverageMarginEnglish,
                                   @DecimalMin("-2") @DecimalMax("2") double marginChinese,
                                   @DecimalMin("0") @DecimalMax("1") double coverageSlackChinese,
                                   @DecimalMin("0") @DecimalMax("1") double coverageMarginChinese,
                                   boolean learnedSwitch) {

        /** The same rule with the learned switch on or off. */
        public LanguageDecision withLearnedSwitch(boolean on) {
            return new LanguageDecision(marginEnglish, coverageSlackEnglish, coverageMarginEnglish, marginChinese,
                    coverageSlackChinese, coverageMarginChinese, on);
        }

        public boolean prefersCross(boolean chineseQuestion, double sameView, double crossView, double sameCoverage,
                                    double crossCoverage) {
            double margin = chineseQuestion ? marginChinese : marginEnglish;
            double slack = chineseQuestion ? coverageSlackChinese : coverageSlackEnglish;
            double coverageMargin = chineseQuestion ? coverageMarginChinese : coverageMarginEnglish;
            boolean byView = crossView > 0 && Math.log1p(crossView) > Math.log1p(sameView) + margin
                    && crossCoverage >= sameCoverage - slack;
            return byView || coverageMargin < 1 && crossCoverage >= sameCoverage + coverageMargin;
        }
    }

    /** How many of retrieval's first documents the answering-document choice compares. */
    public static final int SELECT_DOCUMENTS = 2;
}
