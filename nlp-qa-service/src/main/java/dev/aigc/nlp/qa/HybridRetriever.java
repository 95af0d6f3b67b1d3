package dev.aigc.nlp.qa;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.Chunk;
import dev.aigc.nlp.kb.Languages;
import dev.aigc.nlp.kb.LuceneStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks chunks with BM25, with dense (bge) similarity, or with both fused by reciprocal rank fusion:
 * {@code score(c) = Σ 1 / (k + rank_i(c))} over the two lists, k = 60 by default.
 */
public class HybridRetriever {

    private final LuceneStore store;
    private final BgeEmbedder embedder;
    private final QaProperties properties;

    public HybridRetriever(LuceneStore store, BgeEmbedder embedder, QaProperties properties) {
        this.store = store;
        this.embedder = embedder;
        this.properties = properties;
    }

    public float[] embedQuestion(String question) {
        return properties.queryInstruction() ? embedder.embedQuery(question) : embedder.embed(question);
    }

    /**
     * Chunks best first; each carries the fused (or single-list) score and its cosine similarity. In hybrid mode
     * the dense list of an English question is weighted by {@code denseWeightEnglish}.
     */
    public Retrieval retrieve(String question, float[] queryVector, RetrievalMode mode) {
        try {
            int n = properties.candidates();
            List<LuceneStore.Hit> bm25 = mode == RetrievalMode.DENSE ? List.of() : store.searchBm25(question, n);
            List<LuceneStore.Hit> dense = mode == RetrievalMode.BM25 ? List.of() : store.searchDense(queryVector, n);
            Map<String, RankedChunk> fused = new LinkedHashMap<>();
            double denseWeight = Languages.EN.equals(Languages.detect(question)) ? properties.denseWeightEnglish() : 1;
            accumulate(fused, bm25, queryVector, mode, true, 1);
            accumulate(fused, dense, queryVector, mode, false, denseWeight);
            List<RankedChunk> ranked = new ArrayList<>(fused.values());
            ranked.sort(Comparator.comparingDouble(RankedChunk::score).reversed());
            return new Retrieval(ranked, bm25.isEmpty() ? 0 : bm25.get(0).score());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accumulate(Map<String, RankedChunk> fused, List<LuceneStore.Hit> hits, float[] q, RetrievalMode mode,
                            boolean isBm25, double weight) {
        for (int rank = 0; rank < hits.size(); rank++) {
            LuceneStore.Hit hit = hits.get(rank);
            Chunk c = hit.chunk();
            String key = c.docId() + "#" + c.index();
            double contribution = mode == RetrievalMode.HYBRID ? weight / (properties.rrfK() + rank + 1) : hit.score();
            RankedChunk prev = fused.get(key);
            double cosine = BgeEmbedder.dot(q, c.vector());
            Float bm25 = isBm25 ? Float.valueOf(hit.score()) : prev == null ? null : prev.bm25();
            fused.put(key, new RankedChunk(c, (prev == null ? 0 : prev.score()) + contribution, cosine, bm25));
        }
    }

    /** The ranked chunks and the best BM25 score (0 when BM25 did not run or matched nothing). */
    public record Retrieval(List<RankedChunk> ranked, double topBm25) {

        /** {@code cosine(top chunk) + lexicalWeight × topBm25}: how well the base covers the question. */
        public double relevance(double lexicalWeight) {
            return ranked.isEmpty() ? Double.NEGATIVE_INFINITY : ranked.get(0).cosine() + lexicalWeight * topBm25;
        }
    }

    /** A chunk with its ranking score, its cosine similarity to the question and its BM25 score (null if absent). */
    public record RankedChunk(Chunk chunk, double score, double cosine, Float bm25) {
    }
}
