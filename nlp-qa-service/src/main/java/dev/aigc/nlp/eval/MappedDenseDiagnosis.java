package dev.aigc.nlp.eval;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.Chunk;
import dev.aigc.nlp.kb.KnowledgeStore;
import dev.aigc.nlp.kb.Languages;
import dev.aigc.nlp.qa.ConfidenceModel;
import dev.aigc.nlp.training.CrossLingualMap;
import dev.aigc.nlp.qa.QaService;
import dev.aigc.nlp.qa.RetrievalMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluate.sh xmap [--map=FILE]} (default {@link CrossLingualMap#FILE}): how well the cross-lingual map ranks
 * documents on the tuning sets, next to the final pipeline: every chunk in the English bge space (English chunks by
 * bge-small-en, Chinese chunks by bge-small-zh and the map), every question the same way, documents ranked by their
 * best chunk.
 * Documents are ranked among those in the expected document's language (the cross-lingual ranking's candidates).
 * Prints hit@1 per direction for the mapped ranking, the dense English view alone and the final pipeline, and the
 * final pipeline's cross-lingual misses that the mapped ranking puts first.
 */
final class MappedDenseDiagnosis {

    private MappedDenseDiagnosis() {
    }

    static void run(EvaluationCommand.Pipelines p, BgeEmbedder english, Path mapFile) throws Exception {
        CrossLingualMap map = CrossLingualMap.load(mapFile == null ? Path.of(CrossLingualMap.FILE) : mapFile);
        KnowledgeStore store = p.kb().store();
        List<Chunk> chunks = new ArrayList<>();
        for (KnowledgeStore.Hit h : store.searchDense(p.embedder().embed("知识库"), 100_000)) {
            chunks.add(h.chunk());
        }
        Map<Chunk, float[]> mapped = new HashMap<>();
        Map<Chunk, float[]> glossed = new HashMap<>();
        for (Chunk c : chunks) {
            glossed.put(c, p.denseView().chunk(c));
            mapped.put(c, Languages.ZH.equals(c.lang()) ? map.toEnglish(c.vector())
                    : p.denseView().chunk(c));
        }
        System.out.printf(Locale.ROOT, "%d chunks%n", chunks.size());
        Map<String, List<Chunk>> byLanguage = chunks.stream().collect(java.util.stream.Collectors.groupingBy(Chunk::lang));
        QaService service = p.service(EvaluationCommand.Pipelines.shipped(true), ConfidenceModel.load());
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (var e : EvaluationCommand.read(EvaluationCommand.TUNING).entrySet()) {
            for (RetrievalEvaluator.Outcome o : new RetrievalEvaluator(service).run(e.getValue(), RetrievalMode.HYBRID)) {
                EvalQuestion q = o.question();
                if (!q.answerable()) {
                    continue;
                }
                String docLang = q.expectedDocId().startsWith("zh-") ? "zh" : "en";
                String direction = q.lang() + "->" + docLang;
                float[] mq = Languages.ZH.equals(q.lang()) ? map.toEnglish(p.embedder().embed(q.question()))
                        : english.embed(q.question());
                float[] mqi = Languages.ZH.equals(q.lang()) ? map.toEnglish(p.embedder().embedQuery(q.question()))
                        : english.embedQuery(q.question());
                float[] gq = p.denseView().question(q.question());
                List<Chunk> sameAsDoc = byLanguage.getOrDefault(docLang, List.of());
                int mappedRank = rank(sameAsDoc, mapped, mq, q.expectedDocId());
                int mappedInstructionRank = rank(sameAsDoc, mapped, mqi, q.expectedDocId());
                int glossRank = rank(sameAsDoc, glossed, gq, q.expectedDocId());
                int[] c = counts.computeIfAbsent(direction, d -> new int[6]);
                c[0]++;
                c[1] += mappedRank == 1 ? 1 : 0;
                c[2] += mappedInstructionRank == 1 ? 1 : 0;
                c[3] += glossRank == 1 ? 1 : 0;
                c[4] += o.rank() == 1 ? 1 : 0;
                c[5] += mappedRank <= 3 ? 1 : 0;
                if (!q.lang().equals(docLang) && o.rank() != 1) {
                    System.out.printf(Locale.ROOT, "miss\t%s\tmapped rank %d (instr %d)\tgloss rank %d\tfinal rank %d\t%s%n",
                            q.expectedDocId(), mappedRank, mappedInstructionRank, glossRank, o.rank(), q.question());
                }
            }
        }
        counts.forEach((d, c) -> System.out.printf(Locale.ROOT,
                "%s\tn %d\tmapped hit@1 %.3f (with instruction %.3f, hit@3 %.3f)\tdense English view hit@1 %.3f\tfinal hit@1 %.3f%n",
                d, c[0], c[1] / (double) c[0], c[2] / (double) c[0], c[5] / (double) c[0], c[3] / (double) c[0],
                c[4] / (double) c[0]));
    }

    /** Rank of {@code docId} among documents ordered by their best chunk's cosine with {@code q}. */
    static int rank(List<Chunk> chunks, Map<Chunk, float[]> vectors, float[] q, String docId) {
        Map<String, Double> best = new HashMap<>();
        for (Chunk c : chunks) {
            best.merge(c.docId(), (double) BgeEmbedder.dot(q, vectors.get(c)), Math::max);
        }
        List<String> order = best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
        return order.indexOf(docId) + 1;
    }
}
