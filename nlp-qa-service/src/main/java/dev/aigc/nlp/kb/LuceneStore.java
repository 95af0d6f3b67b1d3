package dev.aigc.nlp.kb;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Set;

/**
 * The on-disk Lucene index holding both the documents and their chunks. Each chunk carries its text analysed for
 * BM25 ({@code SmartChineseAnalyzer} for Chinese, {@code EnglishAnalyzer} for English) and its embedding as a
 * {@link KnnFloatVectorField} (dot product on unit vectors = cosine), so one index serves both retrieval modes.
 * Every write is committed (fsync'ed) before the method returns: once a caller has been told "created", a crash
 * cannot lose it.
 */
public final class LuceneStore implements KnowledgeStore {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneStore.class);

    static final String TYPE = KbFields.TYPE;
    static final String DOC_ID = KbFields.DOC_ID;
    static final String VECTOR = KbFields.VECTOR;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer chinese = KbFields.newAnalyzer(Languages.ZH);
    private final Analyzer english = KbFields.newAnalyzer(Languages.EN);
    private final UnaryOperator<String> glosser;
    private final String glosserVersion;

    public LuceneStore(Path dir) {
        this(dir, null);
    }

    /**
     * @param glosser renders Chinese chunk text in English for the English view {@link KbFields#VIEW_EN} (English
     *                chunks: their own text); null = no English view for Chinese chunks
     */
    public LuceneStore(Path dir, UnaryOperator<String> glosser) {
        this(dir, glosser, null);
    }

    /**
     * @param glosserVersion identifies the glosser's dictionary (e.g. {@code Bilingual#version()}); with the gloss of a
     *                       probe sentence it decides whether the stored English views are stale
     *                       ({@link KbFields#viewVersion}); null = the probe alone
     */
    public LuceneStore(Path dir, UnaryOperator<String> glosser, String glosserVersion) {
        this.glosser = glosser;
        this.glosserVersion = glosserVersion;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            Map<String, Analyzer> analyzers = new HashMap<>();
            for (KbFields.TextField f : KbFields.TEXT_FIELDS) {
                analyzers.put(f.name(), analyzer(f.lang()));
            }
            Analyzer perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), analyzers);
            IndexWriterConfig config = new IndexWriterConfig(perField)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(true);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
            refreshViews();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge-base index in " + dir, e);
        }
    }

    /** Adds a document and its chunks atomically (one Lucene block), then commits. */
    @Override
    public void add(KbDocument doc, List<Chunk> chunks) throws IOException {
        List<Document> block = new ArrayList<>();
        for (Chunk c : chunks) {
            block.add(chunkDocument(c));
        }
        block.add(metaDocument(doc));
        writer.addDocuments(block);
        commit();
    }

    /** Adds many documents with one commit at the end (used to seed the default knowledge base). */
    @Override
    public void addAll(Map<KbDocument, List<Chunk>> docs) throws IOException {
        for (var e : docs.entrySet()) {
            List<Document> block = new ArrayList<>();
            for (Chunk c : e.getValue()) {
                block.add(chunkDocument(c));
            }
            block.add(metaDocument(e.getKey()));
            writer.addDocuments(block);
        }
        commit();
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (get(id).isEmpty()) {
            return false;
        }
        writer.deleteDocuments(new Term(DOC_ID, id));
        commit();
        return true;
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Rebuilds the English views of all chunks when the index was written without them or by another glosser
     * version (an index from before the views, or after a change of the dictionary or the glossing code): every
     * document's block is rewritten from its stored fields and committed once.
     */
    private void refreshViews() throws IOException {
        String version = KbFields.viewVersion(glosser, glosserVersion);
        Map<String, String> data = new HashMap<>();
        if (writer.getLiveCommitData() != null) {
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        if (version.equals(data.get(VIEW_VERSION))) {
            return;
        }
        int rewritten = 0;
        if (countDocuments() > 0) {
            IndexSearcher s = searchers.acquire();
            try {
                TopDocs docs = s.search(new TermQuery(new Term(TYPE, "doc")), Integer.MAX_VALUE);
                for (ScoreDoc sd : docs.scoreDocs) {
                    KbDocument doc = toDocument(s.storedFields().document(sd.doc));
                    TopDocs chunks = s.search(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(DOC_ID, doc.id())), BooleanClause.Occur.FILTER)
                            .add(new TermQuery(new Term(TYPE, "chunk")), BooleanClause.Occur.FILTER).build(),
                            Integer.MAX_VALUE);
                    List<Chunk> stored = new ArrayList<>();
                    for (ScoreDoc c : chunks.scoreDocs) {
                        stored.add(toChunk(s.storedFields().document(c.doc)));
                    }
                    stored.sort(Comparator.comparingInt(Chunk::index));
                    List<Document> block = new ArrayList<>();
                    stored.forEach(c -> block.add(chunkDocument(c)));
                    block.add(metaDocument(doc));
                    writer.updateDocuments(new Term(DOC_ID, doc.id()), block);
                    rewritten++;
                }
            } finally {
                searchers.release(s);
            }
        }
        data.put(VIEW_VERSION, version);
        writer.setLiveCommitData(data.entrySet());
        commit();
        if (rewritten > 0) {
            LOG.info("rebuilt the English view of {} documents (glosser version {})", rewritten, version);
        }
    }

    /** Commit user-data key recording which glosser built the English views; a change rebuilds them. */
    static final String VIEW_VERSION = "view_en.version";

    private Document chunkDocument(Chunk c) {
        Document d = new Document();
        d.add(new StringField(TYPE, "chunk", Field.Store.NO));
        d.add(new StringField(DOC_ID, c.docId(), Field.Store.YES));
        d.add(new StoredField("chunk", c.index()));
        d.add(new StoredField("title", c.title()));
        d.add(new StringField("lang", c.lang(), Field.Store.YES));
        d.add(new StoredField("text", c.text()));
        d.add(new TextField(KbFields.field("body", c.lang()), c.text(), Field.Store.NO));
        d.add(new TextField(KbFields.field("title", c.lang()), c.heading() == null ? c.title() : c.title() + "\n" + c.heading(),
                Field.Store.NO));
        if (c.page() != null) {
            d.add(new StoredField("page", c.page()));
        }
        if (c.heading() != null) {
            d.add(new StoredField("heading", c.heading()));
        }
        String view = KbFields.englishView(c, glosser);
        if (view != null) {
            d.add(new TextField(KbFields.VIEW_EN, view, Field.Store.NO));
        }
        d.add(new KnnFloatVectorField(VECTOR, c.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        d.add(new StoredField("vec", toBytes(c.vector())));
        return d;
    }

    private static Document metaDocument(KbDocument doc) {
        Document d = new Document();
        d.add(new StringField(TYPE, "doc", Field.Store.NO));
        d.add(new StringField(DOC_ID, doc.id(), Field.Store.YES));
        d.add(new StoredField("title", doc.title()));
        d.add(new StoredField("text", doc.text()));
        d.add(new StoredField("source", doc.source() == null ? "" : doc.source()));
        d.add(new StringField("lang", doc.lang(), Field.Store.YES));
        d.add(new LongPoint("created", doc.createdAt().toEpochMilli()));
        d.add(new StoredField("created", doc.createdAt().toEpochMilli()));
        d.add(new NumericDocValuesField("created", doc.createdAt().toEpochMilli()));
        d.add(new IntPoint("chunks", doc.chunks()));
        d.add(new StoredField("chunks", doc.chunks()));
        return d;
    }

    @Override
    public Optional<KbDocument> get(String id) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(metaQuery(id), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(toDocument(s.storedFields().document(top.scoreDocs[0].doc)));
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public int countDocuments() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new TermQuery(new Term(TYPE, "doc")));
        } finally {
            searchers.release(s);
        }
    }

    /** Documents ordered by creation time (oldest first), {@code size} from {@code offset}. */
    @Override
    public List<KbDocument> list(int offset, int size) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            Sort sort = new Sort(new SortField("created", SortField.Type.LONG), SortField.FIELD_DOC);
            TopDocs top = s.search(new TermQuery(new Term(TYPE, "doc")), Math.max(1, offset + size), sort);
            List<KbDocument> out = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                out.add(toDocument(s.storedFields().document(top.scoreDocs[i].doc)));
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** The analyzer that indexes text of language {@code lang} ({@code zh}: SmartChinese, otherwise English). */
    @Override
    public Analyzer analyzer(String lang) {
        return Languages.ZH.equals(lang) ? chinese : english;
    }

    /** BM25 over chunk bodies (and titles, boosted lower), the question analysed by both language analyzers. */
    @Override
    public List<Hit> searchBm25(String question, int k) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        addTerms(q, "body_zh", chinese, question, 1f);
        addTerms(q, "title_zh", chinese, question, 0.5f);
        addTerms(q, "body_en", english, question, 1f);
        addTerms(q, "title_en", english, question, 0.5f);
        BooleanQuery terms = q.build();
        if (terms.clauses().isEmpty()) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(terms, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(TYPE, "chunk")), BooleanClause.Occur.FILTER)
                .build();
        return search(query, k, false);
    }

    /**
     * BM25 over the chunk bodies and titles of language {@code lang} only, {@code text} analysed by that language's
     * analyzer (the cross-lingual list: a question's words translated into {@code lang}).
     */
    @Override
    public List<Hit> searchBm25(String text, String lang, int k) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        addTerms(q, KbFields.field("body", lang), analyzer(lang), text, 1f);
        addTerms(q, KbFields.field("title", lang), analyzer(lang), text, 0.5f);
        BooleanQuery terms = q.build();
        if (terms.clauses().isEmpty()) {
            return List.of();
        }
        return search(new BooleanQuery.Builder().add(terms, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(TYPE, "chunk")), BooleanClause.Occur.FILTER).build(), k, false);
    }

    @Override
    public List<Hit> searchEnglishView(String englishText, String lang, int k) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        addTerms(q, KbFields.VIEW_EN, english, englishText, 1f);
        BooleanQuery terms = q.build();
        if (terms.clauses().isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(terms, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(TYPE, "chunk")), BooleanClause.Occur.FILTER);
        if (lang != null) {
            b.add(new TermQuery(new Term(KbFields.LANG, lang)), BooleanClause.Occur.FILTER);
        }
        return search(b.build(), k, false);
    }

    /** Nearest chunks by cosine similarity of the unit-length embeddings. */
    @Override
    public List<Hit> searchDense(float[] queryVector, int k) throws IOException {
        return search(new KnnFloatVectorQuery(VECTOR, queryVector, k), k, true);
    }

    private List<Hit> search(Query query, int k, boolean dense) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(query, k);
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                float score = dense ? 2 * sd.score - 1 : sd.score;
                hits.add(new Hit(toChunk(s.storedFields().document(sd.doc)), score));
            }
            return hits;
        } finally {
            searchers.release(s);
        }
    }

    private static void addTerms(BooleanQuery.Builder q, String field, Analyzer analyzer, String text, float boost) {
        for (String t : new LinkedHashSet<>(KnowledgeStore.terms(analyzer, field, text))) {
            Query tq = new TermQuery(new Term(field, t));
            q.add(boost == 1f ? tq : new BoostQuery(tq, boost), BooleanClause.Occur.SHOULD);
        }
    }

    private static Chunk toChunk(Document d) {
        Integer page = d.getField("page") == null ? null : d.getField("page").numericValue().intValue();
        return new Chunk(d.get(DOC_ID), d.getField("chunk").numericValue().intValue(), d.get("title"), d.get("lang"),
                d.get("text"), fromBytes(d.getBinaryValue("vec").bytes), page, d.get("heading"));
    }

    private static Query metaQuery(String id) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(DOC_ID, id)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(TYPE, "doc")), BooleanClause.Occur.FILTER)
                .build();
    }

    private static KbDocument toDocument(Document d) {
        return new KbDocument(d.get(DOC_ID), d.get("title"), d.get("text"), d.get("source"), d.get("lang"),
                Instant.ofEpochMilli(d.getField("created").numericValue().longValue()),
                d.getField("chunks").numericValue().intValue());
    }

    private static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    private static float[] fromBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

    /** Opens a committed index read-only (for checks after a crash). */
    public static int countCommittedDocuments(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            return new IndexSearcher(r).count(new TermQuery(new Term(TYPE, "doc")));
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        chinese.close();
        english.close();
    }

    @Override
    public TermStatistics statistics(Collection<FieldTerm> terms) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            IndexReader reader = s.getIndexReader();
            Map<FieldTerm, Integer> docFreqs = new HashMap<>();
            Map<String, Integer> docCounts = new HashMap<>();
            for (FieldTerm t : terms) {
                docFreqs.put(t, reader.docFreq(new Term(t.field(), t.term())));
                docCounts.computeIfAbsent(t.field(), f -> docCount(reader, f));
            }
            for (KbFields.TextField f : KbFields.TEXT_FIELDS) {
                docCounts.computeIfAbsent(f.name(), name -> docCount(reader, name));
            }
            return new TermStatistics(docFreqs, docCounts);
        } finally {
            searchers.release(s);
        }
    }

    private static int docCount(IndexReader reader, String field) {
        try {
            return reader.getDocCount(field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasTermStartingWith(String field, String prefix) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            Terms indexed = MultiTerms.getTerms(s.getIndexReader(), field);
            if (indexed == null) {
                return false;
            }
            BytesRef start = new BytesRef(prefix);
            TermsEnum e = indexed.iterator();
            return e.seekCeil(start) != TermsEnum.SeekStatus.END && StringHelper.startsWith(e.term(), start);
        } finally {
            searchers.release(s);
        }
    }

    /** The version of the committed index (it grows with every commit). */
    @Override
    public Object version() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return ((DirectoryReader) s.getIndexReader()).getVersion();
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public DocumentTexts documentTexts() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            IndexReader reader = s.getIndexReader();
            List<DocumentText> out = new ArrayList<>();
            Bits live = MultiBits.getLiveDocs(reader);
            StoredFields stored = reader.storedFields();
            for (int i = 0; i < reader.maxDoc(); i++) {
                if (live != null && !live.get(i)) {
                    continue;
                }
                Document d = stored.document(i, Set.of("text", "title", "chunk"));
                if (d.getField("chunk") == null) { // a chunk repeats part of its document's stored full text
                    out.add(new DocumentText(d.get("title"), d.get("text")));
                }
            }
            return new DocumentTexts(((DirectoryReader) reader).getVersion(), out);
        } finally {
            searchers.release(s);
        }
    }
}
