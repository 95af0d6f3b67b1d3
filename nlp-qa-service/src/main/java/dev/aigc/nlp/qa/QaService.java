package dev.aigc.nlp.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Question → retrieval → choice of the answering document ({@link PassageSelector}) → extractive answer with
 * citations. The service answers only when two checks pass:
 * <ol>
 *   <li>the relevance signal (cosine similarity of the best passage plus a small multiple of the best BM25 score)
 *       reaches the calibrated {@code nlp.qa.min-similarity}: the question is close to what the base is about;</li>
 *   <li>the term check ({@link TermCoverage}): the question names nothing the base never mentions
 *       ({@code nlp.qa.refuse-unknown-names}) and the answering passages contain enough of its salient terms
 *       ({@code nlp.qa.min-term-coverage}): the base holds what was asked, not just something near it.</li>
 * </ol>
 * Otherwise the response says so ({@code answered=false}) with no answer.
 */
public class QaService {

    /** Width of the logistic that turns similarity minus threshold into a confidence. */
    static final double CONFIDENCE_SCALE = 0.04;
    /** Width of the logistic that turns term coverage minus its threshold into a confidence. */
    static final double COVERAGE_SCALE = 0.05;

    private final HybridRetriever retriever;
    private final PassageSelector selector;
    private final AnswerComposer composer;
    private final QaProperties properties;

    public QaService(HybridRetriever retriever, PassageSelector selector, AnswerComposer composer,
                     QaProperties properties) {
        this.retriever = retriever;
        this.selector = selector;
        this.composer = composer;
        this.properties = properties;
    }

    public AskResponse ask(AskRequest request) {
        String question = request.question().strip();
        RetrievalMode mode = request.modeOrDefault();
        float[] q = retriever.embedQuestion(question);
        HybridRetriever.Retrieval retrieved = retriever.retrieve(question, q, mode);
        if (retrieved.ranked().isEmpty()) {
            return new AskResponse(question, false, null, 0, 0, 0, List.of(), mode.name().toLowerCase(), List.of());
        }
        PassageSelector.Selection selection = selector.select(question, retrieved);
        List<HybridRetriever.RankedChunk> ranked = selection.ranked();
        double relevance = selection.retrieval().relevance(properties.lexicalWeight());
        List<HybridRetriever.RankedChunk> passages = selection.passages();
        TermCoverage.Result terms = selection.terms();
        boolean answered = relevance >= properties.minSimilarity()
                && terms.passes(properties.minTermCoverage(), properties.refuseUnknownNames());
        String answer = null;
        List<AnswerComposer.ScoredSentence> sentences = List.of();
        if (answered) {
            sentences = composer.select(question, q, passages);
            answer = AnswerComposer.join(sentences);
        }
        List<String> unknown = properties.refuseUnknownNames() ? terms.unknownNames() : List.of();
        return new AskResponse(question, answered, answer, round(confidence(relevance, terms)),
                round(ranked.get(0).cosine()), round(terms.coverage()), unknown, mode.name().toLowerCase(),
                citations(ranked, passages, sentences, request.topKOrDefault()));
    }

    /**
     * Logistic of the relevance margin, capped by the logistic of the term-coverage margin (when that check is on);
     * 0 when the question names something the base never mentions (when that check is on). At or above 0.5 exactly
     * when the question is answered.
     */
    private double confidence(double relevance, TermCoverage.Result terms) {
        double c = logistic((relevance - properties.minSimilarity()) / CONFIDENCE_SCALE);
        if (properties.minTermCoverage() > 0) {
            c = Math.min(c, logistic((terms.coverage() - properties.minTermCoverage()) / COVERAGE_SCALE));
        }
        return properties.refuseUnknownNames() && !terms.unknownNames().isEmpty() ? 0 : c;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static List<AskResponse.Citation> citations(List<HybridRetriever.RankedChunk> ranked,
                                                        List<HybridRetriever.RankedChunk> passages,
                                                        List<AnswerComposer.ScoredSentence> sentences, int topK) {
        Map<String, AskResponse.Citation> byDoc = new LinkedHashMap<>();
        for (HybridRetriever.RankedChunk r : ranked) {
            if (byDoc.size() >= topK) {
                break;
            }
            String docId = r.chunk().docId();
            if (!byDoc.containsKey(docId)) {
                byDoc.put(docId, new AskResponse.Citation(docId, r.chunk().title(), snippet(r, passages, sentences),
                        round(r.score()), round(r.cosine()), r.chunk().page(), r.chunk().heading()));
            }
        }
        return new ArrayList<>(byDoc.values());
    }

    private static String snippet(HybridRetriever.RankedChunk r, List<HybridRetriever.RankedChunk> passages,
                                  List<AnswerComposer.ScoredSentence> sentences) {
        int p = passages.indexOf(r);
        List<AnswerComposer.ScoredSentence> own = sentences.stream().filter(s -> s.passage() == p).toList();
        if (!own.isEmpty()) {
            return AnswerComposer.join(own);
        }
        String text = r.chunk().text();
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
