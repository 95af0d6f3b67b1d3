package dev.aigc.nlp.qa;

import dev.aigc.nlp.kb.Languages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the document an answer is drawn from. Retrieval ranks by closeness of topic; when the top document holds
 * few of the question's salient terms while one of the next {@code documents - 1} holds clearly more (its term
 * coverage is at least {@code promoteMargin} higher, see {@link TermCoverage}), that document is moved to the top:
 * "how do Keras and TensorFlow relate?" should be answered from the page that names both, not from a page that is
 * merely about a neighbouring topic. Then the first document of the cross-lingual ranking (the question translated
 * into the other language, {@link Bilingual}) is compared with that choice: it answers instead when its English-view
 * BM25 score is higher ({@link QaProperties.LanguageDecision}; both pages scored in one field, Chinese pages through
 * their word-by-word glosses) or its term coverage is clearly higher, or when the learned switch
 * ({@link LanguageSwitch}, a logistic regression over both pages' signals) prefers it; without that decision, by the
 * earlier rule: when its term coverage is higher by a margin.
 * {@code promoteMargin} ≥ 1 turns the step off.
 */
public class PassageSelector {

    /** The answer is drawn from up to this many passages of the chosen document, found among its best chunks. */
    static final int ANSWER_PASSAGES = 2;
    /** For the top document, only chunks among the first PASSAGE_WINDOW count as its answering passages. */
    static final int PASSAGE_WINDOW = 5;

    private final TermCoverage termCoverage;
    private final int documents;
    private final double promoteMargin;
    private final double crossMargin;
    private final QaProperties.LanguageDecision languageDecision;
    private final LanguageSwitch languageSwitch;

    public PassageSelector(TermCoverage termCoverage, int documents, double promoteMargin) {
        this(termCoverage, documents, promoteMargin, 1);
    }

    /**
     * @param crossMargin the first document of the cross-lingual ranking ({@link HybridRetriever.Retrieval#crossRanked})
     *                    answers instead of the same-language choice when its term coverage, measured through the
     *                    question's translation, is higher by at least this much (≥ 1: never)
     */
    public PassageSelector(TermCoverage termCoverage, int documents, double promoteMargin, double crossMargin) {
        this(termCoverage, documents, promoteMargin, crossMargin, null);
    }

    /**
     * @param languageDecision decides whether the cross-lingual ranking's first document answers instead, by the
     *                         two pages' English-view scores and coverage (null: by {@code crossMargin} alone)
     */
    public PassageSelector(TermCoverage termCoverage, int documents, double promoteMargin, double crossMargin,
                           QaProperties.LanguageDecision languageDecision) {
        this(termCoverage, documents, promoteMargin, crossMargin, languageDecision, null);
    }

    /**
     * @param languageSwitch the learned half of the language decision: the cross-lingual page also answers when this
     *                       model prefers it (null: the rule of {@code languageDecision} alone)
     */
    public PassageSelector(TermCoverage termCoverage, int documents, double promoteMargin, double crossMargin,
                           QaProperties.LanguageDecision languageDecision, LanguageSwitch languageSwitch) {
        this.languageSwitch = languageSwitch;
        this.termCoverage = termCoverage;
        this.documents = documents;
        this.promoteMargin = promoteMargin;
        this.crossMargin = crossMargin;
        this.languageDecision = languageDecision;
    }

    /** The same-language choice, then the cross-lingual candidate against it. */
    public Selection select(String question, HybridRetriever.Retrieval retrieval) {
        Selection same = selectSameLanguage(question, retrieval);
        List<HybridRetriever.RankedChunk> cross = retrieval.crossRanked();
        if (same.terms() == null || cross.isEmpty()) {
            return same;
        }
        String doc = cross.get(0).chunk().docId();
        List<HybridRetriever.RankedChunk> passages = cross.stream().limit(PASSAGE_WINDOW)
                .filter(r -> r.chunk().docId().equals(doc)).limit(ANSWER_PASSAGES).toList();
        TermCoverage.Result terms = termCoverage.measure(question, retrieval.translation(), passages);
        HybridRetriever.Retrieval chosen = same.retrieval();
        boolean chinese = Languages.ZH.equals(Languages.detect(question));
        boolean takeCross = languageDecision != null
                ? languageDecision.prefersCross(chinese,
                        chosen.englishViewScore(same.ranked().get(0).chunk().docId()), chosen.englishViewScore(doc),
                        same.terms().coverage(), terms.coverage())
                : crossMargin < 1 && terms.coverage() >= same.terms().coverage() + crossMargin;
        if (!takeCross && languageSwitch != null) {
            takeCross = languageSwitch.prefersCross(chinese, LanguageSwitch.Signals.of(chosen, same.ranked().get(0),
                    same.terms().coverage(), terms.coverage()));
        }
        if (!takeCross) {
            return same.withCrossCoverage(terms.coverage());
        }
        List<HybridRetriever.RankedChunk> reordered = new ArrayList<>(
                cross.stream().filter(r -> r.chunk().docId().equals(doc)).toList());
        same.ranked().stream().filter(r -> r.chunk().docId().equals(doc) && !reordered.contains(r))
                .forEach(reordered::add);
        same.ranked().stream().filter(r -> !r.chunk().docId().equals(doc)).forEach(reordered::add);
        return new Selection(same.retrieval().withRanked(reordered), passages, terms, true, terms.coverage());
    }

    /** Reorders the retrieval (chosen document first) and measures the term check on the answering passages. */
    private Selection selectSameLanguage(String question, HybridRetriever.Retrieval retrieval) {
        List<HybridRetriever.RankedChunk> ranked = retrieval.ranked();
        if (ranked.isEmpty()) {
            return new Selection(retrieval, List.of(), null, false, Double.NaN);
        }
        List<HybridRetriever.RankedChunk> top = answerPassages(ranked);
        TermCoverage.Result topTerms = termCoverage.measure(question, retrieval.translation(), top);
        if (promoteMargin >= 1 || topTerms.coverage() >= 1) {
            return new Selection(retrieval, top, topTerms, false, Double.NaN);
        }
        Map<String, List<HybridRetriever.RankedChunk>> byDoc = new LinkedHashMap<>();
        for (HybridRetriever.RankedChunk r : ranked) {
            if (byDoc.size() >= documents && !byDoc.containsKey(r.chunk().docId())) {
                continue;
            }
            List<HybridRetriever.RankedChunk> own = byDoc.computeIfAbsent(r.chunk().docId(), d -> new ArrayList<>());
            if (own.size() < ANSWER_PASSAGES) {
                own.add(r);
            }
        }
        String bestDoc = null;
        TermCoverage.Result best = topTerms;
        List<HybridRetriever.RankedChunk> bestPassages = top;
        int i = 0;
        for (var e : byDoc.entrySet()) {
            if (i++ == 0) {
                continue;
            }
            TermCoverage.Result r = termCoverage.measure(question, retrieval.translation(), e.getValue());
            if (r.coverage() >= topTerms.coverage() + promoteMargin && r.coverage() > best.coverage()) {
                bestDoc = e.getKey();
                best = r;
                bestPassages = e.getValue();
            }
        }
        if (bestDoc == null) {
            return new Selection(retrieval, top, topTerms, false, Double.NaN);
        }
        String chosen = bestDoc;
        List<HybridRetriever.RankedChunk> reordered = new ArrayList<>(
                ranked.stream().filter(r -> r.chunk().docId().equals(chosen)).toList());
        ranked.stream().filter(r -> !r.chunk().docId().equals(chosen)).forEach(reordered::add);
        return new Selection(retrieval.withRanked(reordered), bestPassages, best, true, Double.NaN);
    }

    /** The passages of the top document among the first PASSAGE_WINDOW, at most ANSWER_PASSAGES. */
    public static List<HybridRetriever.RankedChunk> answerPassages(List<HybridRetriever.RankedChunk> ranked) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        String topDoc = ranked.get(0).chunk().docId();
        return ranked.stream().limit(PASSAGE_WINDOW).filter(r -> r.chunk().docId().equals(topDoc))
                .limit(ANSWER_PASSAGES).toList();
    }

    /**
     * @param retrieval the retrieval reordered: chosen document first (its relevance signal follows the choice)
     * @param passages  the chosen document's answering passages
     * @param terms     the term check on them (null when nothing was retrieved)
     * @param promoted  whether a document other than retrieval's first was chosen
     * @param crossCoverage term coverage of the cross-lingual ranking's first document (NaN when there is none)
     */
    public record Selection(HybridRetriever.Retrieval retrieval, List<HybridRetriever.RankedChunk> passages,
                            TermCoverage.Result terms, boolean promoted, double crossCoverage) {

        Selection withCrossCoverage(double c) {
            return new Selection(retrieval, passages, terms, promoted, c);
        }

        public List<HybridRetriever.RankedChunk> ranked() {
            return retrieval.ranked();
        }
    }
}
