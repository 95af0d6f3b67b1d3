package dev.aigc.nlp.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Question → retrieval → extractive answer with citations. When the relevance signal (cosine similarity of the best
 * passage plus a small multiple of the best BM25 score) is below the calibrated {@code nlp.qa.min-similarity}, the
 * knowledge base is taken not to hold the answer and the response says so ({@code answered=false}) with no answer.
 */
public class QaService {

    /** The answer is drawn from up to this many passages of the best document, found among the top PASSAGE_WINDOW. */
    static final int ANSWER_PASSAGES = 2;
    static final int PASSAGE_WINDOW = 5;
    /** Width of the logistic that turns similarity minus threshold into a confidence. */
    static final double CONFIDENCE_SCALE = 0.04;

    private final HybridRetriever retriever;
    private final AnswerComposer composer;
    private final QaProperties properties;

    public QaService(HybridRetriever retriever, AnswerComposer composer, QaProperties properties) {
        this.retriever = retriever;
        this.composer = composer;
        this.properties = properties;
    }

    public AskResponse ask(AskRequest request) {
        String question = request.question().strip();
        RetrievalMode mode = request.modeOrDefault();
        float[] q = retriever.embedQuestion(question);
        HybridRetriever.Retrieval retrieval = retriever.retrieve(question, q, mode);
        List<HybridRetriever.RankedChunk> ranked = retrieval.ranked();
        if (ranked.isEmpty()) {
            return new AskResponse(question, false, null, 0, 0, mode.name().toLowerCase(), List.of());
        }
        double relevance = retrieval.relevance(properties.lexicalWeight());
        double similarity = ranked.get(0).cosine();
        boolean answered = relevance >= properties.minSimilarity();
        double confidence = 1 / (1 + Math.exp(-(relevance - properties.minSimilarity()) / CONFIDENCE_SCALE));
        String topDoc = ranked.get(0).chunk().docId();
        List<HybridRetriever.RankedChunk> passages = ranked.stream().limit(PASSAGE_WINDOW)
                .filter(r -> r.chunk().docId().equals(topDoc)).limit(ANSWER_PASSAGES).toList();
        String answer = null;
        List<AnswerComposer.ScoredSentence> sentences = List.of();
        if (answered) {
            sentences = composer.select(question, q, passages);
            answer = AnswerComposer.join(sentences);
        }
        return new AskResponse(question, answered, answer, round(confidence), round(similarity),
                mode.name().toLowerCase(), citations(ranked, passages, sentences, request.topKOrDefault()));
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
                        round(r.score()), round(r.cosine())));
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
