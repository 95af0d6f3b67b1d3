package dev.aigc.nlp.qa;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.Chunk;
import dev.aigc.nlp.kb.Languages;
import dev.aigc.nlp.kb.KnowledgeStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ranks chunks with BM25, with dense (bge) similarity, or with both fused by reciprocal rank fusion:
 * {@code score(c) = Σ w_i / (k + rank_i(c))} over the lists, k = 60 by default. In hybrid mode, when a
 * {@link Bilingual} dictionary is given, the question's words translated into the other language of the base give
 * a separate cross-lingual ranking of that language's chunks, fused from BM25 of the translation on that
 * language's fields ({@code crossLingualWeight}) and the other-language dense neighbours of the translation's
 * embedding ({@code translatedDenseWeight}) and BM25 of the question in English (a Chinese question glossed word by
 * word, {@link Bilingual#gloss}) over the English view of that language's chunks ({@code englishViewWeight}; 0
 * leaves a list out). The Latin-script words of a Chinese question (LSTM, BLEU) join its translation. The cross-lingual
 * ranking does not change the main ranking: the document choice ({@link PassageSelector}) decides whether its first
 * document answers instead, comparing the two pages' English-view scores ({@link Retrieval#englishViewScore}).
 */
public class HybridRetriever {

    private final KnowledgeStore store;
    private final BgeEmbedder embedder;
    private final QaProperties properties;
    private final Bilingual bilingual;

    public HybridRetriever(KnowledgeStore store, BgeEmbedder embedder, QaProperties properties) {
        this(store, embedder, properties, null);
    }

    public HybridRetriever(KnowledgeStore store, BgeEmbedder embedder, QaProperties properties, Bilingual bilingual) {
        this.store = store;
        this.embedder = embedder;
        this.properties = properties;
        this.bilingual = bilingual;
    }

    /**
     * The question's words with their translations (Chinese ones only if the base contains them); empty without a
     * dictionary.
     */
    public List<Bilingual.Unit> translate(String question) {
        return bilingual == null ? List.of() : bilingual.translate(question, w -> store.contains(w, Languages.ZH));
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
            List<KnowledgeStore.Hit> bm25 = mode == RetrievalMode.DENSE ? List.of() : store.searchBm25(question, n);
            List<KnowledgeStore.Hit> dense = mode == RetrievalMode.BM25 ? List.of() : store.searchDense(queryVector, n);
            Map<String, RankedChunk> fused = new LinkedHashMap<>();
            String lang = Languages.detect(question);
            double denseWeight = Languages.EN.equals(lang) ? properties.denseWeightEnglish() : 1;
            accumulate(fused, bm25, queryVector, mode, true, 1);
            accumulate(fused, dense, queryVector, mode, false, denseWeight);
            List<Bilingual.Unit> translation = translate(question);
            double topCross = 0;
            String translated = translation.stream().flatMap(u -> u.translations().stream())
                    .collect(Collectors.joining(" "));
            if (Languages.ZH.equals(lang) && !translated.isBlank()) {
                // Latin-script words of a Chinese question (LSTM, BLEU, Maven) are English already
                translated = translated + " " + latinWords(question);
            }
            Map<String, RankedChunk> crossFused = new LinkedHashMap<>();
            String other = Languages.ZH.equals(lang) ? Languages.EN : Languages.ZH;
            if (mode == RetrievalMode.HYBRID && !translated.isBlank() && properties.crossLingual()) {
                if (properties.crossLingualWeight() > 0) {
                    List<KnowledgeStore.Hit> cross = store.searchBm25(translated, other, n);
                    topCross = cross.isEmpty() ? 0 : cross.get(0).score();
                    accumulate(crossFused, cross, queryVector, mode, false, properties.crossLingualWeight());
                }
                if (properties.translatedDenseWeight() > 0) {
                    List<KnowledgeStore.Hit> near = store.searchDense(embedder.embed(translated), n).stream()
                            .filter(h -> h.chunk().lang().equals(other)).toList();
                    accumulate(crossFused, near, queryVector, mode, false, properties.translatedDenseWeight());
                }
            }
            Map<String, Double> view = new LinkedHashMap<>();
            if (mode == RetrievalMode.HYBRID && bilingual != null && properties.crossLingual()) {
                String english = Languages.ZH.equals(lang) ? bilingual.gloss(question) : question;
                List<KnowledgeStore.Hit> all = store.searchEnglishView(english, null, 2 * n);
                all.forEach(h -> view.merge(h.chunk().docId(), (double) h.score(), Math::max));
                if (properties.englishViewWeight() > 0) {
                    accumulate(crossFused, all.stream().filter(h -> h.chunk().lang().equals(other)).limit(n).toList(),
                            queryVector, mode, false, properties.englishViewWeight());
                }
            }
            List<RankedChunk> crossRanked = new ArrayList<>(crossFused.values());
            crossRanked.sort(Comparator.comparingDouble(RankedChunk::score).reversed());
            List<RankedChunk> ranked = new ArrayList<>(fused.values());
            ranked.sort(Comparator.comparingDouble(RankedChunk::score).reversed());
            return new Retrieval(ranked, bm25.isEmpty() ? 0 : bm25.get(0).score(), topCross, translation, crossRanked,
                    view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Latin-script words of a text, space-separated. */
    static String latinWords(String text) {
        return Arrays.stream(text.split("[^A-Za-z0-9'+#.-]+"))
                .filter(w -> w.chars().anyMatch(c -> c < 128 && Character.isLetter(c)))
                .collect(Collectors.joining(" "));
    }

    private void accumulate(Map<String, RankedChunk> fused, List<KnowledgeStore.Hit> hits, float[] q, RetrievalMode mode,
                            boolean isBm25, double weight) {
        for (int rank = 0; rank < hits.size(); rank++) {
            KnowledgeStore.Hit hit = hits.get(rank);
            Chunk c = hit.chunk();
            String key = c.docId() + "#" + c.index();
            double contribution = mode == RetrievalMode.HYBRID ? weight / (properties.rrfK() + rank + 1) : hit.score();
            RankedChunk prev = fused.get(key);
            double cosine = BgeEmbedder.dot(q, c.vector());
            Float bm25 = isBm25 ? Float.valueOf(hit.score()) : prev == null ? null : prev.bm25();
            fused.put(key, new RankedChunk(c, (prev == null ? 0 : prev.score()) + contribution, cosine, bm25));
        }
    }

    /**
     * The ranked chunks, the best BM25 score (0 when BM25 did not run or matched nothing), the best BM25 score of the
     * translated question on the other language's fields (0 when that list did not run), the translation, the
     * cross-lingual ranking and, per document, the best BM25 score of the question in English over the chunks'
     * English view (both languages on one scale; empty when it did not run).
     */
    public record Retrieval(List<RankedChunk> ranked, double topBm25, double topCrossBm25,
                            List<Bilingual.Unit> translation, List<RankedChunk> crossRanked,
                            Map<String, Double> englishView) {

        public Retrieval(List<RankedChunk> ranked, double topBm25) {
            this(ranked, topBm25, 0, List.of(), List.of(), Map.of());
        }

        public Retrieval withRanked(List<RankedChunk> reordered) {
            return new Retrieval(reordered, topBm25, topCrossBm25, translation, crossRanked, englishView);
        }

        /** The best English-view BM25 score of a document's chunks (0 when none matched or it did not run). */
        public double englishViewScore(String docId) {
            return englishView.getOrDefault(docId, 0.0);
        }

        /** {@code cosine(top chunk) + lexicalWeight × topBm25}: how well the base covers the question. */
        public double relevance(double lexicalWeight) {
            return ranked.isEmpty() ? Double.NEGATIVE_INFINITY : ranked.get(0).cosine() + lexicalWeight * topBm25;
        }
    }

    /** A chunk with its ranking score, its cosine similarity to the question and its BM25 score (null if absent). */
    public record RankedChunk(Chunk chunk, double score, double cosine, Float bm25) {
    }
}
