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
 * leaves a list out). The Latin-script words of a Chinese question (LSTM, BLEU) join its translation. With the dense
 * English view ({@link DenseEnglishView}), the cross-lingual ranking's first documents are then reordered by
 * {@code ln(1 + English-view BM25) + rerankWeight × dense English-view cosine}, and the candidate pages' dense scores
 * go with the retrieval (the confidence model reads them). The cross-lingual
 * ranking does not change the main ranking: the document choice ({@link PassageSelector}) decides whether its first
 * document answers instead, comparing the two pages' English-view scores ({@link Retrieval#englishViewScore}).
 */
public class HybridRetriever {

    private final KnowledgeStore store;
    private final BgeEmbedder embedder;
    private final QaProperties properties;
    private final Bilingual bilingual;
    private final DenseEnglishView denseView;

    public HybridRetriever(KnowledgeStore store, BgeEmbedder embedder, QaProperties properties) {
        this(store, embedder, properties, null, null);
    }

    public HybridRetriever(KnowledgeStore store, BgeEmbedder embedder, QaProperties properties, Bilingual bilingual) {
        this(store, embedder, properties, bilingual, null);
    }

    /**
     * @param denseView the dense English view (null: the cross-lingual ranking's documents keep their fused order and
     *                  no dense English-view score is computed)
     */
    public HybridRetriever(KnowledgeStore store, BgeEmbedder embedder, QaProperties properties, Bilingual bilingual,
                           DenseEnglishView denseView) {
        this.store = store;
        this.embedder = embedder;
        this.properties = properties;
        this.bilingual = bilingual;
        this.denseView = denseView;
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
            Map<String, Double> denseScores = Map.of();
            if (denseView != null && !view.isEmpty()) {
                denseScores = denseViewScores(question, ranked, crossRanked);
                crossRanked = rerankDocuments(crossRanked, view, denseScores);
            }
            return new Retrieval(ranked, bm25.isEmpty() ? 0 : bm25.get(0).score(), topCross, translation, crossRanked,
                    view, denseScores);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Per candidate document (the first {@value #VIEW_DOCUMENTS} of the same-language ranking and the first
     * {@code rerankDocuments} of the cross-lingual one), the best cosine between the question and the dense English
     * view of its chunks in either ranking.
     */
    private Map<String, Double> denseViewScores(String question, List<RankedChunk> ranked, List<RankedChunk> cross) {
        Map<String, List<Chunk>> byDoc = new LinkedHashMap<>();
        for (List<RankedChunk> list : List.of(ranked, cross)) {
            int limit = list == cross && properties.denseView() != null ? properties.denseView().rerankDocuments()
                    : VIEW_DOCUMENTS;
            List<String> docs = list.stream().map(r -> r.chunk().docId()).distinct().limit(limit).toList();
            for (RankedChunk r : list) {
                if (docs.contains(r.chunk().docId())) {
                    List<Chunk> own = byDoc.computeIfAbsent(r.chunk().docId(), d -> new ArrayList<>());
                    if (own.stream().noneMatch(c -> c.index() == r.chunk().index())) {
                        own.add(r.chunk());
                    }
                }
            }
        }
        float[] q = denseView.question(question);
        Map<String, Double> out = new LinkedHashMap<>();
        byDoc.forEach((doc, chunks) -> out.put(doc, denseView.best(q, chunks)));
        return out;
    }

    /**
     * The cross-lingual ranking with its first {@code rerankDocuments} documents reordered by
     * {@code ln(1 + English-view BM25) + rerankWeight × dense English-view cosine} (both on one scale for every
     * page); chunks keep their order within a document, the rest of the list follows unchanged.
     */
    private List<RankedChunk> rerankDocuments(List<RankedChunk> cross, Map<String, Double> view, Map<String, Double> dense) {
        QaProperties.DenseView settings = properties.denseView();
        if (settings == null || !settings.enabled() || cross.isEmpty()) {
            return cross;
        }
        List<String> docs = new ArrayList<>(cross.stream().map(r -> r.chunk().docId()).distinct()
                .limit(settings.rerankDocuments()).toList());
        docs.sort(Comparator.comparingDouble((String d) -> -(Math.log1p(view.getOrDefault(d, 0.0))
                + settings.rerankWeight() * dense.getOrDefault(d, 0.0))));
        List<RankedChunk> out = new ArrayList<>(cross.size());
        for (String d : docs) {
            cross.stream().filter(r -> r.chunk().docId().equals(d)).forEach(out::add);
        }
        cross.stream().filter(r -> !docs.contains(r.chunk().docId())).forEach(out::add);
        return out;
    }

    /** How many documents of the same-language ranking get a dense English-view score. */
    static final int VIEW_DOCUMENTS = 4;

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
     * English view (both languages on one scale; empty when it did not run) and, per candidate document, the best
     * cosine of the question and its chunks in the dense English view ({@link DenseEnglishView}; empty without it).
     */
    public record Retrieval(List<RankedChunk> ranked, double topBm25, double topCrossBm25,
                            List<Bilingual.Unit> translation, List<RankedChunk> crossRanked,
                            Map<String, Double> englishView, Map<String, Double> denseView) {

        public Retrieval(List<RankedChunk> ranked, double topBm25) {
            this(ranked, topBm25, 0, List.of(), List.of(), Map.of(), Map.of());
        }

        public Retrieval withRanked(List<RankedChunk> reordered) {
            return new Retrieval(reordered, topBm25, topCrossBm25, translation, crossRanked, englishView, denseView);
        }

        /** The best English-view BM25 score of a document's chunks (0 when none matched or it did not run). */
        public double englishViewScore(String docId) {
            return englishView.getOrDefault(docId, 0.0);
        }

        /** The best dense English-view cosine of a document's chunks (0 when it was not computed for it). */
        public double denseViewScore(String docId) {
            return denseView.getOrDefault(docId, 0.0);
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
