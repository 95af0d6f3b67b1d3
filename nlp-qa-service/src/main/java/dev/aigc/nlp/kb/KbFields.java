package dev.aigc.nlp.kb;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The knowledge base's indexed fields, in one place for both stores: {@link LuceneStore} builds its per-field
 * analyzer from {@link #TEXT_FIELDS}, and {@code SolrStore} creates the same fields in the collection's schema (a
 * field type per analyzer, named after it, whose Solr analyzer is the very same Lucene class), so a question is
 * analysed and scored the same way by both. To add a text field, add a row here; both backends pick it up (Solr adds
 * the missing field to an existing collection on the next start, documents ingested before do not have it).
 */
public final class KbFields {

    /** Record type of an index entry: {@code chunk} or {@code doc}. */
    public static final String TYPE = "type";
    /** The document id, on the document record and on each of its chunks. */
    public static final String DOC_ID = "docId";
    public static final String LANG = "lang";
    /** The chunk embeddings for the HNSW index (dot product of unit vectors = cosine). */
    public static final String VECTOR = "vector";
    public static final int VECTOR_DIMENSION = 512;

    /** One analysed text field: {@code name} is {@code kind_lang}; BM25 over its terms. */
    public record TextField(String kind, String lang, String analyzerClass, Supplier<Analyzer> analyzer) {

        public String name() {
            return field(kind, lang);
        }
    }

    private static final String SMARTCN = SmartChineseAnalyzer.class.getName();
    private static final String ENGLISH = EnglishAnalyzer.class.getName();

    /** The chunk text fields: bodies and titles (title + section heading) per language. */
    public static final List<TextField> TEXT_FIELDS = List.of(
            new TextField("body", Languages.ZH, SMARTCN, SmartChineseAnalyzer::new),
            new TextField("title", Languages.ZH, SMARTCN, SmartChineseAnalyzer::new),
            new TextField("body", Languages.EN, ENGLISH, EnglishAnalyzer::new),
            new TextField("title", Languages.EN, ENGLISH, EnglishAnalyzer::new),
            new TextField("view", Languages.EN, ENGLISH, EnglishAnalyzer::new));

    /**
     * Every chunk in English, for cross-lingual BM25 on one scale: an English chunk's title and text, a Chinese
     * chunk's title and text through the glosser ({@code qa/Bilingual#gloss}).
     */
    public static final String VIEW_EN = field("view", Languages.EN);

    private KbFields() {
    }

    /**
     * The English view of a chunk (title, heading and text; a Chinese chunk glossed), or null for a Chinese chunk
     * without a glosser.
     */
    public static String englishView(Chunk c, UnaryOperator<String> glosser) {
        String titled = (c.heading() == null ? c.title() : c.title() + "\n" + c.heading()) + "\n" + c.text();
        if (!Languages.ZH.equals(c.lang())) {
            return titled;
        }
        return glosser == null ? null : glosser.apply(titled);
    }

    /**
     * Which glosser built the English views, as both stores record it: {@code glosserVersion} (e.g. {@code
     * Bilingual#version()}, a hash of its dictionary) with the gloss of a fixed probe sentence (which catches a change
     * of the glossing code); the probe alone when {@code glosserVersion} is null, {@code none} without a glosser. A
     * store whose recorded value differs rebuilds the views of its chunks.
     */
    public static String viewVersion(UnaryOperator<String> glosser, String glosserVersion) {
        if (glosser == null) {
            return "none";
        }
        String probe = String.valueOf(glosser.apply(GLOSS_PROBE).hashCode());
        return glosserVersion == null ? probe : glosserVersion + "/" + probe;
    }

    /** A fixed text whose gloss changes with most changes of the glosser (its code or its dictionary). */
    private static final String GLOSS_PROBE = "神经网络的训练需要数据、损失函数和优化器；生成对抗网络由生成器和判别器组成。";

    /** Text field holding chunk bodies ({@code body}) or titles ({@code title}) of language {@code lang}. */
    public static String field(String kind, String lang) {
        return kind + "_" + lang;
    }

    /** A new analyzer for text in language {@code lang}: that of its body field ({@code zh}: SmartChinese, otherwise English). */
    public static Analyzer newAnalyzer(String lang) {
        String known = Languages.ZH.equals(lang) ? Languages.ZH : Languages.EN;
        return TEXT_FIELDS.stream().filter(f -> f.kind().equals("body") && f.lang().equals(known)).findFirst()
                .orElseThrow().analyzer().get();
    }
}
