package dev.aigc.nlp.kb;

import dev.aigc.serving.web.ApiException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.BinaryRequestWriter;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FieldStatsInfo;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The knowledge base in a SolrCloud collection, so that every replica of the service reads and writes one base and
 * holds no state itself. The same records as {@link LuceneStore}: one {@code doc} record per document and one
 * {@code chunk} record per chunk, all routed to one shard by the document id ({@code docId!doc}, {@code docId!c3}:
 * compositeId routing), so a document's records become visible together with its shard's commit.
 *
 * <ul>
 *   <li><b>Same numbers as the embedded index.</b> The text fields come from {@link KbFields} and use the same
 *       Lucene analyzer classes (Solr's {@code <analyzer class="…"/>}); questions are analysed here and sent as term
 *       queries (no second analysis by a query parser), with the title clauses boosted 0.5, so the BooleanQuery is the
 *       one {@link LuceneStore} builds; BM25 (k1 1.2, b 0.75) with {@code ExactStatsCache} (solrconfig.xml) scores
 *       with the statistics of the whole collection, not of a shard. Dense search is Solr's {@code {!knn}} over a
 *       {@code DenseVectorField} (HNSW, dot product), whose score (1 + cos) / 2 is turned back into the cosine.</li>
 *   <li><b>Acknowledged means committed.</b> Every add and delete is one update request with {@code commit=true}
 *       and {@code waitSearcher=true}: it returns after the hard commit on every live replica of the shard, and
 *       the achieved replication factor {@code rf} is checked against {@code minReplicationFactor}.</li>
 *   <li><b>Created on first start, idempotently.</b> The configset ({@code solr/kb} on the classpath) is uploaded
 *       when missing, the collection created with the configured shards and replicas when missing, and missing
 *       {@link KbFields} fields added through the Schema API; several replicas starting together are fine.</li>
 *   <li><b>Any node.</b> Requests go to the configured node URLs in turn ({@link SolrHttp}: java.net.http with
 *       SolrJ's javabin codec, no Jetty client, so nothing clashes with the versions Spring Boot manages); a node
 *       that does not answer is skipped.</li>
 * </ul>
 */
public final class SolrStore implements KnowledgeStore {

    private static final Logger log = LoggerFactory.getLogger(SolrStore.class);
    private static final String CONFIGSET_RESOURCE = "solr/kb/";
    private static final List<String> CONFIGSET_FILES = List.of("solrconfig.xml", "managed-schema.xml");
    private static final String CHUNK_FIELDS = "docId,chunk,title,lang,text,page,heading," + KbFields.VECTOR;
    private static final String DOC_FIELDS = "docId,title,text,source,lang,created,chunks";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The record of the glosser version that built the English views (its {@code source}). */
    private static final String VIEWS_ID = "_views!record";
    private static final int VIEW_PAGE = 200;

    private final StoreProperties.Solr settings;
    private final UnaryOperator<String> glosser;
    private final String glosserVersion;
    private final String collection;
    private final SolrHttp http;
    private final List<String> urls;
    private final AtomicInteger next = new AtomicInteger();
    private final Analyzer chinese = KbFields.newAnalyzer(Languages.ZH);
    private final Analyzer english = KbFields.newAnalyzer(Languages.EN);

    public SolrStore(StoreProperties.Solr settings) {
        this(settings, null);
    }

    /**
     * @param glosser renders Chinese chunk text in English for the English view {@link KbFields#VIEW_EN} (null: no
     *                English view for Chinese chunks)
     */
    public SolrStore(StoreProperties.Solr settings, UnaryOperator<String> glosser) {
        this(settings, glosser, null);
    }

    /**
     * @param glosserVersion identifies the glosser's dictionary (e.g. {@code Bilingual#version()}); when the
     *                       collection's English views were built by another one ({@link KbFields#viewVersion}), they
     *                       are rebuilt at start-up ({@link #refreshViews()}); null = the probe gloss alone
     */
    public SolrStore(StoreProperties.Solr settings, UnaryOperator<String> glosser, String glosserVersion) {
        this.glosser = glosser;
        this.glosserVersion = glosserVersion;
        this.settings = settings;
        this.collection = settings.collection();
        this.urls = settings.urls().stream().map(u -> u.replaceAll("/+$", "")).toList();
        this.http = new SolrHttp(settings.connectTimeout(), settings.requestTimeout());
        try {
            ensureCollection();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot set up the Solr collection '" + collection + "' on " + urls, e);
        }
        try {
            refreshViews();
        } catch (IOException | RuntimeException e) {
            // serve with the views as they are; the version record is written only after a full rebuild, so the next
            // start tries again
            log.warn("could not rebuild the English views of {}; they stay as stored until the next start: {}",
                    collection, e.toString());
        }
    }

    // ---- set-up -------------------------------------------------------------------------------------------------

    private void ensureCollection() throws IOException {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        while (true) {
            try {
                ensureConfigSet();
                if (!collections().contains(collection)) {
                    create();
                }
                ensureFields();
                call(base -> http.postForm(base, "/" + collection + "/select", params("q", "*:*", "rows", "0")));
                return;
            } catch (ApiException | IOException | SolrException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Solr did not become ready within " + settings.startupTimeout(), e);
                }
                log.info("waiting for SolrCloud at {}: {}", urls, e.getMessage());
                sleep(2000);
            }
        }
    }

    private List<String> collections() throws IOException {
        return names(call(base -> http.get(base, "/admin/collections", params("action", "LIST"))).get("collections"));
    }

    private List<String> configSets() throws IOException {
        return names(call(base -> http.get(base, "/admin/configs", params("action", "LIST"))).get("configSets"));
    }

    private void ensureConfigSet() throws IOException {
        if (configSets().contains(settings.configSet())) {
            return;
        }
        byte[] zip = configSetZip();
        try {
            call(base -> http.post(base, "/admin/configs", params("action", "UPLOAD", "name", settings.configSet()),
                    "application/octet-stream", zip));
            log.info("uploaded configset {}", settings.configSet());
        } catch (ApiException | IOException e) {
            if (!configSets().contains(settings.configSet())) {
                throw e; // not a concurrent upload by another replica of the service
            }
        }
    }

    private static byte[] configSetZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : CONFIGSET_FILES) {
                try (InputStream in = SolrStore.class.getClassLoader().getResourceAsStream(CONFIGSET_RESOURCE + file)) {
                    if (in == null) {
                        throw new IOException("missing classpath resource " + CONFIGSET_RESOURCE + file);
                    }
                    zip.putNextEntry(new ZipEntry(file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private void create() throws IOException {
        try {
            call(base -> http.get(base, "/admin/collections", params("action", "CREATE", "name", collection,
                    "collection.configName", settings.configSet(), "numShards", String.valueOf(settings.shards()),
                    "replicationFactor", String.valueOf(settings.replicationFactor()), "waitForFinalState", "true")));
            log.info("created collection {} ({} shards x {} replicas)", collection, settings.shards(),
                    settings.replicationFactor());
        } catch (ApiException | IOException e) {
            if (!collections().contains(collection)) {
                throw e; // not created concurrently by another replica of the service
            }
        }
    }

    /** Adds the {@link KbFields} field types and fields the collection's schema lacks (one Schema API request). */
    private void ensureFields() throws IOException {
        Set<String> types = new LinkedHashSet<>(namesOf(call(base -> http.get(base, "/" + collection
                + "/schema/fieldtypes", params())).get("fieldTypes")));
        Set<String> fields = new LinkedHashSet<>(namesOf(call(base -> http.get(base, "/" + collection
                + "/schema/fields", params())).get("fields")));
        List<Map<String, Object>> addTypes = new ArrayList<>();
        List<Map<String, Object>> addFields = new ArrayList<>();
        for (KbFields.TextField f : KbFields.TEXT_FIELDS) {
            String type = textType(f);
            if (types.add(type)) {
                addTypes.add(Map.of("name", type, "class", "solr.TextField",
                        "analyzer", Map.of("class", f.analyzerClass())));
            }
            if (!fields.contains(f.name())) {
                addFields.add(Map.of("name", f.name(), "type", type, "indexed", true, "stored", false));
            }
        }
        String vectorType = "knn_vector_" + KbFields.VECTOR_DIMENSION;
        if (types.add(vectorType)) {
            addTypes.add(Map.of("name", vectorType, "class", "solr.DenseVectorField",
                    "vectorDimension", KbFields.VECTOR_DIMENSION, "similarityFunction", "dot_product",
                    "knnAlgorithm", "hnsw"));
        }
        if (!fields.contains(KbFields.VECTOR)) {
            addFields.add(Map.of("name", KbFields.VECTOR, "type", vectorType, "indexed", true, "stored", true));
        }
        if (addTypes.isEmpty() && addFields.isEmpty()) {
            return;
        }
        Map<String, Object> commands = new LinkedHashMap<>();
        if (!addTypes.isEmpty()) {
            commands.put("add-field-type", addTypes);
        }
        if (!addFields.isEmpty()) {
            commands.put("add-field", addFields);
        }
        byte[] json = JSON.writeValueAsBytes(commands);
        NamedList<Object> response = call(base -> http.post(base, "/" + collection + "/schema",
                params("updateTimeoutSecs", "60"), "application/json", json));
        if (response.get("errors") != null) {
            throw new IOException("schema update failed: " + response.get("errors")); // retried: another replica may have won
        }
        log.info("added {} field types and {} fields from KbFields to {}", addTypes.size(), addFields.size(), collection);
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object list) {
        return list == null ? List.of() : (List<String>) list;
    }

    /** The {@code name}s of a list of schema entries (NamedLists or maps, as javabin decodes them). */
    private static List<String> namesOf(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> entries) {
            for (Object e : entries) {
                Object name = e instanceof NamedList<?> nl ? nl.get("name") : e instanceof Map<?, ?> m ? m.get("name") : null;
                if (name != null) {
                    out.add(name.toString());
                }
            }
        }
        return out;
    }

    /** Solr field type of a text field: named after its analyzer ({@code kb_smartchineseanalyzer}). */
    static String textType(KbFields.TextField f) {
        return "kb_" + f.analyzerClass().substring(f.analyzerClass().lastIndexOf('.') + 1).toLowerCase();
    }

    /**
     * Rebuilds the English views of all chunks when the collection records another glosser version than this one's
     * (in the {@code type:views} record; a collection from before the record has none): chunk records are read back
     * page by page (cursor on {@code id}) and sent again with their view recomputed, each conditional on the
     * {@code _version_} read (optimistic concurrency), so a chunk that another replica deleted or replaced meanwhile
     * is left as that replica wrote it and never brought back. Then the record is written with a hard commit; a
     * rebuild cut short (a node down) leaves the old record, so the next start rebuilds again.
     * Replicas starting together may both rebuild; the result is the same. Replicas of two releases started
     * alternately would rebuild each time. A store opened without a glosser leaves the collection alone.
     */
    private void refreshViews() throws IOException {
        if (glosser == null) {
            return; // a tool reading the collection: never strips the views the service built
        }
        String version = KbFields.viewVersion(glosser, glosserVersion);
        SolrDocumentList recorded = query(new SolrQuery("*:*").addFilterQuery("type:views").setFields("source")
                .setRows(1)).getResults();
        if (!recorded.isEmpty() && version.equals(recorded.get(0).getFieldValue("source"))) {
            return;
        }
        int read = 0;
        int refused = 0;
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery page = new SolrQuery("*:*").addFilterQuery("type:chunk")
                    .setFields(CHUNK_FIELDS + ",_version_").setRows(VIEW_PAGE).addSort("id", SolrQuery.ORDER.asc);
            page.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = query(page);
            List<SolrInputDocument> again = new ArrayList<>();
            for (SolrDocument d : response.getResults()) {
                SolrInputDocument chunk = chunkDocument(toChunk(d));
                chunk.setField("_version_", d.getFieldValue("_version_"));
                again.add(chunk);
            }
            if (!again.isEmpty() && !writeIfUnchanged(again)) {
                for (SolrInputDocument one : again) { // a conflict stops a batch where it happened: one by one
                    if (!writeIfUnchanged(List.of(one))) {
                        refused++;
                    }
                }
            }
            read += again.size();
            String nextCursor = response.getNextCursorMark();
            if (nextCursor == null || nextCursor.equals(cursor)) {
                break;
            }
            cursor = nextCursor;
        }
        SolrInputDocument record = new SolrInputDocument();
        record.setField("id", VIEWS_ID);
        record.setField(KbFields.TYPE, "views");
        record.setField("source", version);
        UpdateRequest update = new UpdateRequest();
        update.add(record);
        commitWrite(update);
        if (read > 0) {
            log.info("rebuilt the English views of the {} chunks of {} (glosser version {}); {} refused as changed"
                    + " since they were read (by another replica, or by the batch that hit the conflict)", read,
                    collection, version, refused);
        }
    }

    /** Writes the records without a commit; false when Solr refused one for a changed {@code _version_} (409). */
    private boolean writeIfUnchanged(List<SolrInputDocument> records) throws IOException {
        try {
            write(records);
            return true;
        } catch (ApiException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            return false;
        }
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    public void add(KbDocument doc, List<Chunk> chunks) throws IOException {
        UpdateRequest update = new UpdateRequest();
        SolrInputDocument meta = metaDocument(doc);
        meta.setField("_version_", -1); // must not exist yet: a concurrent add of the same id through another replica gets 409
        update.add(meta);
        for (Chunk c : chunks) {
            update.add(chunkDocument(c));
        }
        commitWrite(update);
    }

    @Override
    public void addAll(Map<KbDocument, List<Chunk>> docs) throws IOException {
        UpdateRequest update = new UpdateRequest();
        for (var e : docs.entrySet()) {
            update.add(metaDocument(e.getKey()));
            for (Chunk c : e.getValue()) {
                update.add(chunkDocument(c));
            }
        }
        if (!docs.isEmpty()) {
            commitWrite(update);
        }
    }

    @Override
    public boolean delete(String id) throws IOException {
        Optional<KbDocument> doc = get(id);
        if (doc.isEmpty()) {
            return false;
        }
        List<String> ids = new ArrayList<>();
        ids.add(metaId(id));
        for (int i = 0; i < doc.get().chunks(); i++) {
            ids.add(chunkId(id, i));
        }
        UpdateRequest update = new UpdateRequest();
        update.deleteById(ids);
        commitWrite(update);
        return true;
    }

    /** Sends {@code update} with a hard commit and waits for it; checks the achieved replication factor. */
    private void commitWrite(UpdateRequest update) throws IOException {
        // commit=true: a hard commit (fsync) on every live replica of the shard, waiting for the new searcher
        send(update, params("commit", "true", "waitSearcher", "true"));
    }

    /** Sends these records without a commit (the next {@link #commitWrite} makes them visible). */
    private void write(List<SolrInputDocument> records) throws IOException {
        UpdateRequest update = new UpdateRequest();
        update.add(records);
        send(update, params());
    }

    private void send(UpdateRequest update, ModifiableSolrParams params) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new BinaryRequestWriter().getContentWriter(update).write(body);
        byte[] bytes = body.toByteArray();
        NamedList<Object> response = call(base -> http.post(base, "/" + collection + "/update", params,
                "application/javabin", bytes));
        Object header = response.get("responseHeader");
        Object rf = header instanceof NamedList<?> h ? h.get("rf") : null;
        if (rf instanceof Number n && n.intValue() < settings.minReplicationFactor()) {
            throw ApiException.unavailable("the knowledge base stored the change on " + n.intValue()
                    + " replica(s), fewer than the required " + settings.minReplicationFactor()
                    + "; it may be incomplete, retry when the Solr cluster is healthy", 5);
        }
    }

    private static SolrInputDocument metaDocument(KbDocument doc) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", metaId(doc.id()));
        d.setField(KbFields.TYPE, "doc");
        d.setField(KbFields.DOC_ID, doc.id());
        d.setField("title", doc.title());
        d.setField("text", doc.text());
        d.setField("source", doc.source() == null ? "" : doc.source());
        d.setField(KbFields.LANG, doc.lang());
        d.setField("created", doc.createdAt().toEpochMilli());
        d.setField("chunks", doc.chunks());
        return d;
    }

    private SolrInputDocument chunkDocument(Chunk c) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", chunkId(c.docId(), c.index()));
        d.setField(KbFields.TYPE, "chunk");
        d.setField(KbFields.DOC_ID, c.docId());
        d.setField("chunk", c.index());
        d.setField("title", c.title());
        d.setField(KbFields.LANG, c.lang());
        d.setField("text", c.text());
        d.setField(KbFields.field("body", c.lang()), c.text());
        d.setField(KbFields.field("title", c.lang()), c.heading() == null ? c.title() : c.title() + "\n" + c.heading());
        String view = KbFields.englishView(c, glosser);
        if (view != null) {
            d.setField(KbFields.VIEW_EN, view);
        }
        if (c.page() != null) {
            d.setField("page", c.page());
        }
        if (c.heading() != null) {
            d.setField("heading", c.heading());
        }
        List<Float> vector = new ArrayList<>(c.vector().length);
        for (float x : c.vector()) {
            vector.add(x);
        }
        d.setField(KbFields.VECTOR, vector);
        return d;
    }

    /** compositeId routing: every record of a document lands on the shard its id hashes to. */
    private static String metaId(String docId) {
        return docId + "!doc";
    }

    private static String chunkId(String docId, int index) {
        return docId + "!c" + index;
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    public Optional<KbDocument> get(String id) throws IOException {
        SolrQuery q = new SolrQuery("*:*").addFilterQuery("type:doc", term(KbFields.DOC_ID, id))
                .setFields(DOC_FIELDS).setRows(1);
        SolrDocumentList docs = query(q).getResults();
        return docs.isEmpty() ? Optional.empty() : Optional.of(toDocument(docs.get(0)));
    }

    @Override
    public int countDocuments() throws IOException {
        return (int) query(new SolrQuery("*:*").addFilterQuery("type:doc").setRows(0)).getResults().getNumFound();
    }

    @Override
    public List<KbDocument> list(int offset, int size) throws IOException {
        SolrQuery q = new SolrQuery("*:*").addFilterQuery("type:doc").setFields(DOC_FIELDS)
                .addSort("created", SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc)
                .setStart(offset).setRows(size);
        List<KbDocument> out = new ArrayList<>();
        for (SolrDocument d : query(q).getResults()) {
            out.add(toDocument(d));
        }
        return out;
    }

    @Override
    public Analyzer analyzer(String lang) {
        return Languages.ZH.equals(lang) ? chinese : english;
    }

    @Override
    public List<Hit> searchBm25(String question, int k) throws IOException {
        Bm25Query q = new Bm25Query();
        q.add("body_zh", chinese, question, 1f);
        q.add("title_zh", chinese, question, 0.5f);
        q.add("body_en", english, question, 1f);
        q.add("title_en", english, question, 0.5f);
        return q.search(k);
    }

    @Override
    public List<Hit> searchBm25(String text, String lang, int k) throws IOException {
        Bm25Query q = new Bm25Query();
        q.add(KbFields.field("body", lang), analyzer(lang), text, 1f);
        q.add(KbFields.field("title", lang), analyzer(lang), text, 0.5f);
        return q.search(k);
    }

    @Override
    public List<Hit> searchEnglishView(String englishText, String lang, int k) throws IOException {
        Bm25Query q = new Bm25Query();
        q.add(KbFields.VIEW_EN, english, englishText, 1f);
        return q.search(k, lang);
    }

    /**
     * A disjunction of term queries, the terms made by the indexing analyzer here: {@code {!term}} clauses take the
     * terms as they are, so Solr's query parser never re-analyses them, and {@code ^0.5} makes Lucene's BoostQuery.
     */
    private final class Bm25Query {

        private final StringBuilder q = new StringBuilder();
        private final ModifiableSolrParams params = new ModifiableSolrParams();
        private int n;

        void add(String field, Analyzer analyzer, String text, float boost) {
            for (String t : new LinkedHashSet<>(KnowledgeStore.terms(analyzer, field, text))) {
                String name = "t" + n++;
                params.set(name, t);
                q.append(q.isEmpty() ? "" : " ").append("({!term f=").append(field).append(" v=$").append(name)
                        .append("})");
                if (boost != 1f) {
                    q.append('^').append(boost);
                }
            }
        }

        List<Hit> search(int k) throws IOException {
            return search(k, null);
        }

        /** The best {@code k} chunks, of language {@code lang} only unless it is null. */
        List<Hit> search(int k, String lang) throws IOException {
            if (n == 0) {
                return List.of();
            }
            SolrQuery query = new SolrQuery(q.toString());
            query.add(params);
            query.addFilterQuery("type:chunk").setFields(CHUNK_FIELDS + ",score").setRows(k);
            if (lang != null) {
                query.addFilterQuery(term(KbFields.LANG, lang));
            }
            return hits(query(query).getResults(), false);
        }
    }

    @Override
    public List<Hit> searchDense(float[] queryVector, int k) throws IOException {
        StringBuilder v = new StringBuilder("[");
        for (int i = 0; i < queryVector.length; i++) {
            v.append(i == 0 ? "" : ",").append(queryVector[i]);
        }
        v.append(']');
        SolrQuery query = new SolrQuery("{!knn f=" + KbFields.VECTOR + " topK=" + k + " v=$vector}");
        query.set("vector", v.toString());
        query.setFields(CHUNK_FIELDS + ",score").setRows(k);
        return hits(query(query).getResults(), true);
    }

    private static List<Hit> hits(SolrDocumentList docs, boolean dense) {
        List<Hit> hits = new ArrayList<>();
        for (SolrDocument d : docs) {
            float score = ((Number) d.getFieldValue("score")).floatValue();
            if (dense) {
                score = 2 * score - 1;
            }
            hits.add(new Hit(toChunk(d), score));
        }
        return hits;
    }

    /** A chunk from its stored fields ({@link #CHUNK_FIELDS}). */
    private static Chunk toChunk(SolrDocument d) {
        Collection<Object> values = d.getFieldValues(KbFields.VECTOR);
        float[] vector = new float[values.size()];
        int i = 0;
        for (Object x : values) {
            vector[i++] = ((Number) x).floatValue();
        }
        Object page = d.getFieldValue("page");
        return new Chunk((String) d.getFieldValue(KbFields.DOC_ID), ((Number) d.getFieldValue("chunk")).intValue(),
                (String) d.getFieldValue("title"), (String) d.getFieldValue(KbFields.LANG),
                (String) d.getFieldValue("text"), vector, page == null ? null : ((Number) page).intValue(),
                (String) d.getFieldValue("heading"));
    }

    @Override
    public TermStatistics statistics(Collection<FieldTerm> terms) throws IOException {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> values = new LinkedHashSet<>();
        for (FieldTerm t : terms) {
            fields.add(t.field());
            values.add(t.term());
        }
        Map<FieldTerm, Integer> docFreqs = new HashMap<>();
        if (!terms.isEmpty()) {
            SolrQuery q = new SolrQuery();
            q.setTerms(true);
            for (String f : fields) {
                q.addTermsField(f);
            }
            q.set("terms.list", String.join(",", values.stream().map(SolrStore::escapeListItem).toList()));
            q.set("terms.mincount", 1);
            TermsResponse response = query(q, "/terms").getTermsResponse();
            for (String f : fields) {
                List<TermsResponse.Term> found = response.getTerms(f);
                if (found != null) {
                    for (TermsResponse.Term t : found) {
                        FieldTerm key = new FieldTerm(f, t.getTerm());
                        if (terms.contains(key)) {
                            docFreqs.put(key, (int) t.getFrequency());
                        }
                    }
                }
            }
        }
        Set<String> counted = new LinkedHashSet<>(fields);
        for (KbFields.TextField f : KbFields.TEXT_FIELDS) {
            counted.add(f.name());
        }
        SolrQuery counts = new SolrQuery("*:*").setRows(0).setFacet(true);
        for (String f : counted) {
            counts.addFacetQuery("{!key=" + f + "}" + f + ":*");
        }
        Map<String, Integer> facetCounts = query(counts).getFacetQuery();
        return new TermStatistics(docFreqs, new HashMap<>(facetCounts));
    }

    /** {@code terms.list} is split at commas; a backslash escapes one. */
    private static String escapeListItem(String term) {
        return term.replace("\\", "\\\\").replace(",", "\\,");
    }

    @Override
    public boolean hasTermStartingWith(String field, String prefix) throws IOException {
        SolrQuery q = new SolrQuery();
        q.setTerms(true);
        q.addTermsField(field);
        q.setTermsPrefix(prefix);
        q.setTermsLimit(1);
        q.setTermsMinCount(1);
        List<TermsResponse.Term> found = query(q, "/terms").getTermsResponse().getTerms(field);
        return found != null && !found.isEmpty();
    }

    /**
     * The number of document records with the count, maximum and sum of their {@code _version_}s: an add raises the
     * maximum of its shard, a delete lowers the count, so any change of the stored documents changes the token.
     */
    @Override
    public Object version() throws IOException {
        SolrQuery q = new SolrQuery("*:*").addFilterQuery("type:doc").setRows(0);
        q.setGetFieldStatistics("_version_");
        QueryResponse r = query(q);
        FieldStatsInfo stats = r.getFieldStatsInfo().get("_version_");
        return r.getResults().getNumFound() + "/" + (stats == null ? "" : stats.getMax() + "/" + stats.getSum());
    }

    @Override
    public DocumentTexts documentTexts() throws IOException {
        Object version = version();
        int n = countDocuments();
        SolrQuery q = new SolrQuery("*:*").addFilterQuery("type:doc").setFields("title,text")
                .addSort("created", SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc).setRows(Math.max(1, n));
        List<DocumentText> out = new ArrayList<>();
        for (SolrDocument d : query(q).getResults()) {
            out.add(new DocumentText((String) d.getFieldValue("title"), (String) d.getFieldValue("text")));
        }
        return new DocumentTexts(version, out);
    }

    private static KbDocument toDocument(SolrDocument d) {
        return new KbDocument((String) d.getFieldValue(KbFields.DOC_ID), (String) d.getFieldValue("title"),
                (String) d.getFieldValue("text"), (String) d.getFieldValue("source"),
                (String) d.getFieldValue(KbFields.LANG),
                Instant.ofEpochMilli(((Number) d.getFieldValue("created")).longValue()),
                ((Number) d.getFieldValue("chunks")).intValue());
    }

    private static String term(String field, String value) {
        return "{!term f=" + field + " v='" + value.replace("\\", "\\\\").replace("'", "\\'") + "'}";
    }

    private static ModifiableSolrParams params(String... keyValues) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.set(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    // ---- transport -----------------------------------------------------------------------------------------------

    private QueryResponse query(SolrQuery q) throws IOException {
        return query(q, "/select");
    }

    private QueryResponse query(SolrQuery q, String handler) throws IOException {
        return new QueryResponse(call(base -> http.postForm(base, "/" + collection + handler, q)), null);
    }

    /**
     * Sends a request to one node after the other (starting at the next in turn) until one answers: a node that is
     * not reachable, times out or answers 5xx is skipped; Solr's refusals ({@code 4xx}) are not retried, a version
     * conflict is a 409 for the caller. No node answering, or the cluster without a live replica for a shard, is a
     * 503 for the caller.
     */
    private NamedList<Object> call(NodeCall request) throws IOException {
        Exception last = null;
        int start = next.getAndIncrement();
        for (int i = 0; i < urls.size(); i++) {
            String base = urls.get(Math.floorMod(start + i, urls.size()));
            try {
                return request.send(base);
            } catch (IOException e) {
                last = e;
            } catch (SolrException e) {
                if (e.code() == SolrException.ErrorCode.CONFLICT.code) {
                    throw ApiException.conflict("a document with this id already exists");
                }
                if (e.code() < 500) {
                    throw new IOException("Solr refused the request: " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw ApiException.unavailable("the knowledge base (SolrCloud at " + urls + ") is unavailable: "
                + (last == null ? "no node" : last), 5);
    }

    /** One request to the node at {@code base}. */
    @FunctionalInterface
    private interface NodeCall {
        NamedList<Object> send(String base) throws IOException;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        chinese.close();
        english.close();
    }
}
