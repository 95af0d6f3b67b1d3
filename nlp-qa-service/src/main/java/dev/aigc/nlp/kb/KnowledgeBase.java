package dev.aigc.nlp.kb;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.serving.web.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Ingests, finds and deletes documents: splits them into sentence-aligned overlapping chunks, embeds each chunk
 * (title + text) with bge-small-zh and stores everything in one {@link KnowledgeStore} (embedded Lucene or SolrCloud).
 */
public class KnowledgeBase implements AutoCloseable {

    private final KnowledgeStore store;
    private final BgeEmbedder embedder;
    private final Chunker chunker;

    /** A knowledge base in an embedded Lucene index under {@code properties.indexDir()}. */
    public KnowledgeBase(KbProperties properties, BgeEmbedder embedder) {
        this(new LuceneStore(Path.of(properties.indexDir())), properties, embedder);
    }

    /**
     * A knowledge base in an embedded Lucene index under {@code properties.indexDir()} whose chunks have an English
     * view built with {@code glosser} (see {@link KbFields#VIEW_EN}).
     */
    public KnowledgeBase(KbProperties properties, BgeEmbedder embedder, UnaryOperator<String> glosser) {
        this(new LuceneStore(Path.of(properties.indexDir()), glosser), properties, embedder);
    }

    /** A knowledge base in {@code store}, which it closes. */
    public KnowledgeBase(KnowledgeStore store, KbProperties properties, BgeEmbedder embedder) {
        this.store = store;
        this.embedder = embedder;
        this.chunker = new Chunker(properties.chunkUnits(), properties.overlapSentences());
    }

    public KnowledgeStore store() {
        return store;
    }

    public BgeEmbedder embedder() {
        return embedder;
    }

    /** Stores a new document; returns once the store committed it. */
    public KbDocument ingest(NewDocument request) {
        return ingest(request, null, List.of(new Section(null, null, request.text())));
    }

    /**
     * Stores a document made of {@code sections} (an uploaded file) under {@code id}, or a new random id when null;
     * returns once the store committed it. Everything (chunking, embedding) is done before the one atomic write, so
     * a failure leaves nothing behind. {@code request.text()} is the whole text, kept for display.
     */
    public KbDocument ingest(NewDocument request, String id, List<Section> sections) {
        KbDocument doc = prepare(request, id == null ? UUID.randomUUID().toString() : id, sections);
        List<Chunk> chunks = chunks(doc, sections);
        try {
            synchronized (this) {
                if (id != null && store.get(id).isPresent()) {
                    throw ApiException.conflict("a document with id '" + id + "' already exists");
                }
                store.add(doc, chunks);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the document to the index", e);
        }
        return doc;
    }

    /** Stores documents with their own ids in one commit (seeding). */
    public void ingestAll(Map<String, NewDocument> byId) throws IOException {
        Map<KbDocument, List<Chunk>> batch = new LinkedHashMap<>();
        for (var e : byId.entrySet()) {
            List<Section> whole = List.of(new Section(null, null, e.getValue().text()));
            KbDocument doc = prepare(e.getValue(), e.getKey(), whole);
            batch.put(doc, chunks(doc, whole));
        }
        store.addAll(batch);
    }

    private KbDocument prepare(NewDocument r, String id, List<Section> sections) {
        String lang = r.lang() == null || r.lang().isBlank() ? Languages.detect(r.text()) : r.lang();
        if (!Languages.supported(lang)) {
            throw ApiException.badRequest("lang must be 'zh' or 'en' (or omitted to detect it), got '" + lang + "'");
        }
        int n = 0;
        for (Section section : sections) {
            n += chunker.chunk(section.text()).size();
        }
        if (n == 0) {
            throw ApiException.unprocessable("the document text contains no sentences with letters or digits");
        }
        return new KbDocument(id, r.title().strip(), r.text(), r.source(), lang, Instant.now(), n);
    }

    private List<Chunk> chunks(KbDocument doc, List<Section> sections) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> forEmbedding = new ArrayList<>();
        for (Section section : sections) {
            for (String t : chunker.chunk(section.text())) {
                chunks.add(new Chunk(doc.id(), chunks.size(), doc.title(), doc.lang(), t, null, section.page(),
                        section.heading()));
                forEmbedding.add(section.heading() == null ? doc.title() + "\n" + t
                        : doc.title() + "\n" + section.heading() + "\n" + t);
            }
        }
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < forEmbedding.size(); i += 8) {
            vectors.addAll(embedder.embed(forEmbedding.subList(i, Math.min(forEmbedding.size(), i + 8))));
        }
        List<Chunk> embedded = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            embedded.add(new Chunk(c.docId(), c.index(), c.title(), c.lang(), c.text(), vectors.get(i), c.page(),
                    c.heading()));
        }
        return embedded;
    }

    public KbDocument get(String id) {
        try {
            return store.get(id).orElseThrow(() -> ApiException.notFound("no document with id '" + id + "'"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String id) {
        try {
            if (!store.delete(id)) {
                throw ApiException.notFound("no document with id '" + id + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int count() {
        try {
            return store.countDocuments();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<KbDocument> list(int page, int size) {
        try {
            return store.list(page * size, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        store.close();
    }

    /** What a caller submits. */
    public record NewDocument(String title, String text, String source, String lang) {
    }
}
