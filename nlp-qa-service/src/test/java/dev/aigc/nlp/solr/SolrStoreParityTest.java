package dev.aigc.nlp.solr;

import dev.aigc.nlp.kb.Chunk;
import dev.aigc.nlp.kb.Chunker;
import dev.aigc.nlp.kb.KbDocument;
import dev.aigc.nlp.kb.KbFields;
import dev.aigc.nlp.kb.KbSeeder;
import dev.aigc.nlp.kb.KnowledgeBase;
import dev.aigc.nlp.kb.KnowledgeStore;
import dev.aigc.nlp.kb.Languages;
import dev.aigc.nlp.kb.LuceneStore;
import dev.aigc.nlp.kb.SolrStore;
import dev.aigc.nlp.kb.StoreProperties;
import dev.aigc.nlp.qa.Bilingual;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The two stores give the same numbers: the bundled base (50 documents, real Chinese and English text, chunked as
 * the service does; the vectors are seeded random unit vectors, so no embedding model is needed) in the embedded
 * Lucene index and in a 2-shard × 2-replica SolrCloud collection. BM25 scores of the same questions, document
 * frequencies and field counts of TermCoverage, prefix look-ups, the document scan and dense neighbours must agree;
 * with ExactStatsCache the shards score with the statistics of the whole collection.
 */
class SolrStoreParityTest {

    @TempDir
    static Path dir;

    static LuceneStore lucene;
    static SolrStore solr;
    static Map<KbDocument, List<Chunk>> base;

    @BeforeAll
    static void load() throws Exception {
        LocalSolrCloud cloud = LocalSolrCloud.shared();
        Bilingual bilingual = Bilingual.load();
        lucene = new LuceneStore(dir.resolve("index"), bilingual::gloss);
        solr = new SolrStore(settings(cloud, "parity-" + UUID.randomUUID().toString().substring(0, 8), 2),
                bilingual::gloss);
        base = bundledWithRandomVectors();
        lucene.addAll(base);
        solr.addAll(base);
    }

    static StoreProperties.Solr settings(LocalSolrCloud cloud, String collection, int shards) {
        return new StoreProperties.Solr(cloud.urls(), collection, "nlp-qa-kb", shards, 2, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    @AfterAll
    static void close() throws Exception {
        if (lucene != null) {
            lucene.close();
        }
        if (solr != null) {
            solr.close();
        }
    }

    @Test
    void shouldScoreBm25LikeTheEmbeddedIndex() throws Exception {
        for (String q : List.of("梯度消失问题怎么解决？", "生成对抗网络的判别器有什么作用", "How do I install Maven on Linux?",
                "What does the learning rate control?", "Transformer 的自注意力", "early stopping validation loss")) {
            assertSameHits(lucene.searchBm25(q, 20), solr.searchBm25(q, 20), 1e-4);
        }
        assertSameHits(lucene.searchBm25("learning rate batch size", Languages.EN, 20),
                solr.searchBm25("learning rate batch size", Languages.EN, 20), 1e-4);
        assertSameHits(lucene.searchBm25("过拟合 正则化", Languages.ZH, 20),
                solr.searchBm25("过拟合 正则化", Languages.ZH, 20), 1e-4);
        assertThat(solr.searchBm25("？！……", 5)).as("no terms, no query").isEmpty();
    }

    @Test
    void shouldScoreTheEnglishViewLikeTheEmbeddedIndex() throws Exception {
        for (String q : List.of("What are the two networks in a generative adversarial network?",
                "How is the cross-entropy loss of one sample computed?", "learning rate warm-up")) {
            assertSameHits(lucene.searchEnglishView(q, null, 20), solr.searchEnglishView(q, null, 20), 1e-4);
            List<KnowledgeStore.Hit> zh = solr.searchEnglishView(q, Languages.ZH, 20);
            assertThat(zh).as("Chinese chunks found through their glosses: %s", q).isNotEmpty()
                    .allMatch(h -> h.chunk().lang().equals(Languages.ZH));
            assertSameHits(lucene.searchEnglishView(q, Languages.ZH, 20), zh, 1e-4);
        }
    }

    @Test
    void shouldFindTheSameDenseNeighbours() throws Exception {
        Random random = new Random(7);
        List<Chunk> chunks = base.values().stream().flatMap(List::stream).toList();
        for (int i = 0; i < 5; i++) {
            float[] q = chunks.get(random.nextInt(chunks.size())).vector().clone();
            for (int d = 0; d < q.length; d++) {
                q[d] += (float) (random.nextGaussian() * 0.02);
            }
            normalise(q);
            List<KnowledgeStore.Hit> a = lucene.searchDense(q, 10);
            List<KnowledgeStore.Hit> b = solr.searchDense(q, 10);
            assertThat(b.get(0).chunk().docId() + "#" + b.get(0).chunk().index())
                    .isEqualTo(a.get(0).chunk().docId() + "#" + a.get(0).chunk().index());
            assertThat(b.get(0).score()).isCloseTo(a.get(0).score(), within(1e-5f));
            assertThat(b.get(0).chunk().vector()).containsExactly(a.get(0).chunk().vector());
        }
    }

    @Test
    void shouldKeepTheSameTermStatistics() throws Exception {
        List<KnowledgeStore.FieldTerm> terms = new ArrayList<>();
        for (String t : List.of("模型", "梯度", "判别器", "不存在的词")) {
            terms.add(new KnowledgeStore.FieldTerm("body_zh", t));
            terms.add(new KnowledgeStore.FieldTerm("title_zh", t));
        }
        for (String t : List.of("model", "learn", "maven", "docker", "quokka", "a,b")) {
            terms.add(new KnowledgeStore.FieldTerm("body_en", t));
            terms.add(new KnowledgeStore.FieldTerm("title_en", t));
        }
        KnowledgeStore.TermStatistics a = lucene.statistics(terms);
        KnowledgeStore.TermStatistics b = solr.statistics(terms);
        for (KnowledgeStore.FieldTerm t : terms) {
            assertThat(b.docFreq(t)).as("docFreq %s", t).isEqualTo(a.docFreq(t));
        }
        assertThat(a.docFreq("body_en", "model")).isPositive();
        for (KbFields.TextField f : KbFields.TEXT_FIELDS) {
            assertThat(b.docCount(f.name())).as("docCount %s", f.name()).isEqualTo(a.docCount(f.name())).isPositive();
        }
        for (String prefix : List.of("mac", "tensorf", "zzzq")) {
            assertThat(solr.hasTermStartingWith("body_en", prefix)).as(prefix)
                    .isEqualTo(lucene.hasTermStartingWith("body_en", prefix));
        }
        assertThat(solr.contains("训练", Languages.ZH)).isTrue();
        assertThat(solr.contains("火车站", Languages.ZH)).isEqualTo(lucene.contains("火车站", Languages.ZH));
        assertThat(solr.documentTexts().documents()).hasSize(base.size())
                .containsExactlyInAnyOrderElementsOf(lucene.documentTexts().documents());
        assertThat(solr.countDocuments()).isEqualTo(lucene.countDocuments()).isEqualTo(base.size());
    }

    @Test
    void shouldChangeTheVersionWithEveryWriteAndDeleteWholeDocuments() throws Exception {
        Object before = solr.version();
        assertThat(solr.version()).isEqualTo(before);
        KbDocument doc = new KbDocument("parity-extra", "Extra", "An extra page about quokkas. Second sentence.",
                "test", "en", Instant.now(), 1);
        float[] v = new float[KbFields.VECTOR_DIMENSION];
        v[3] = 1;
        solr.add(doc, List.of(new Chunk(doc.id(), 0, doc.title(), "en", doc.text(), v)));
        Object added = solr.version();
        assertThat(added).isNotEqualTo(before);
        assertThat(solr.get("parity-extra")).isPresent();
        assertThat(solr.searchBm25("quokkas", 3).get(0).chunk().docId()).isEqualTo("parity-extra");
        assertThat(solr.delete("parity-extra")).isTrue();
        assertThat(solr.version()).isNotEqualTo(added);
        assertThat(solr.get("parity-extra")).isEmpty();
        assertThat(solr.searchBm25("quokkas", 3)).isEmpty();
        assertThat(solr.delete("parity-extra")).isFalse();
    }

    @Test
    void shouldRebuildTheEnglishViewsWhenTheGlosserVersionChanges() throws Exception {
        StoreProperties.Solr settings = settings(LocalSolrCloud.shared(),
                "views-" + UUID.randomUUID().toString().substring(0, 8), 2);
        // two glossers that agree on every text the store might probe with, and differ on the page
        UnaryOperator<String> before = t -> t.contains("区分真实图片") ? "alpha" : "probe";
        UnaryOperator<String> after = t -> t.contains("区分真实图片") ? "bravo" : "probe";
        int n = 250; // more than one page of the rebuild's cursor
        KbDocument doc = new KbDocument("views-1", "判别器", "判别器负责区分真实图片和生成的图片。", "test", "zh",
                Instant.now(), n);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[KbFields.VECTOR_DIMENSION];
            v[i % v.length] = 1;
            chunks.add(new Chunk(doc.id(), i, doc.title(), "zh", "判别器负责区分真实图片，第 " + i + " 段。", v));
        }
        try (SolrStore first = new SolrStore(settings, before, "v1")) {
            first.add(doc, chunks);
            assertThat(first.searchEnglishView("alpha", "zh", n + 10)).hasSize(n);
        }
        try (SolrStore same = new SolrStore(settings, after, "v1")) {
            assertThat(same.searchEnglishView("bravo", "zh", 5)).as("same version: the stored views are kept").isEmpty();
        }
        try (SolrStore reader = new SolrStore(settings)) {
            assertThat(reader.searchEnglishView("alpha", "zh", 5)).as("no glosser: the collection is left alone")
                    .isNotEmpty();
        }
        try (SolrStore changed = new SolrStore(settings, after, "v2")) {
            List<KnowledgeStore.Hit> rebuilt = changed.searchEnglishView("bravo", "zh", n + 10);
            assertThat(rebuilt).as("new version: every chunk's view is rebuilt").hasSize(n);
            assertThat(changed.searchEnglishView("alpha", "zh", 5)).isEmpty();
            KnowledgeStore.Hit seventh = rebuilt.stream().filter(h -> h.chunk().index() == 7).findFirst().orElseThrow();
            assertThat(seventh.chunk().vector()).as("the vector survives the rewrite")
                    .containsExactly(chunks.get(7).vector());
            assertThat(seventh.chunk().text()).isEqualTo(chunks.get(7).text());
            assertThat(changed.searchBm25("第 7 段", Languages.ZH, 3)).isNotEmpty();
            assertThat(changed.countDocuments()).as("the version record is not a document").isEqualTo(1);
            assertThat(changed.list(0, 10)).extracting(KbDocument::id).containsExactly(doc.id());
        }
    }

    private static void assertSameHits(List<KnowledgeStore.Hit> a, List<KnowledgeStore.Hit> b, double tolerance) {
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).score()).as("score at rank %d", i).isCloseTo(a.get(i).score(), within((float) tolerance));
            if (i + 1 < a.size() && Math.abs(a.get(i).score() - a.get(i + 1).score()) > tolerance
                    && (i == 0 || Math.abs(a.get(i).score() - a.get(i - 1).score()) > tolerance)) {
                assertThat(key(b.get(i))).as("chunk at rank %d", i).isEqualTo(key(a.get(i)));
            }
        }
    }

    private static String key(KnowledgeStore.Hit h) {
        return h.chunk().docId() + "#" + h.chunk().index();
    }

    private static Map<KbDocument, List<Chunk>> bundledWithRandomVectors() throws Exception {
        Chunker chunker = new Chunker(160, 1);
        Map<KbDocument, List<Chunk>> out = new LinkedHashMap<>();
        long t = 1_700_000_000_000L;
        for (Map.Entry<String, KnowledgeBase.NewDocument> e : KbSeeder.bundled().entrySet()) {
            KnowledgeBase.NewDocument d = e.getValue();
            List<String> texts = chunker.chunk(d.text());
            KbDocument doc = new KbDocument(e.getKey(), d.title(), d.text(), d.source(), d.lang(),
                    Instant.ofEpochMilli(t++), texts.size());
            List<Chunk> chunks = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                Random r = new Random((e.getKey() + "#" + i).hashCode());
                float[] v = new float[KbFields.VECTOR_DIMENSION];
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) r.nextGaussian();
                }
                normalise(v);
                chunks.add(new Chunk(doc.id(), i, doc.title(), doc.lang(), texts.get(i), v));
            }
            out.put(doc, chunks);
        }
        return out;
    }

    private static void normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float s = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }
}
