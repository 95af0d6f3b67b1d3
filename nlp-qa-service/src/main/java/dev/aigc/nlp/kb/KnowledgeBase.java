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

/**
 * Ingests, finds and deletes documents: splits them into sentence-aligned overlapping chunks, embeds each chunk
 * (title + text) with bge-small-zh and stores everything in one {@link LuceneStore}.
 */
public class KnowledgeBase implements AutoCloseable {

    private final LuceneStore store;
    private final BgeEmbedder embedder;
    private final Chunker chunker;

    public KnowledgeBase(KbProperties properties, BgeEmbedder embedder) {
        this.store = new LuceneStore(Path.of(properties.indexDir()));
        this.embedder = embedder;
        this.chunker = new Chunker(properties.chunkUnits(), properties.overlapSentences());
    }

    public LuceneStore store() {
        return store;
    }

    public BgeEmbedder embedder() {
        return embedder;
    }

    /** Stores a new document; returns once it is committed to disk. */
    public KbDocument ingest(NewDocument request) {
        KbDocument doc = prepare(request, UUID.randomUUID().toString());
        try {
            store.add(doc, chunks(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the document to the index", e);
        }
        return doc;
    }

    /** Stores documents with their own ids in one commit (seeding). */
    public void ingestAll(Map<String, NewDocument> byId) throws IOException {
        Map<KbDocument, List<Chunk>> batch = new LinkedHashMap<>();
        for (var e : byId.entrySet()) {
            KbDocument doc = prepare(e.getValue(), e.getKey());
            batch.put(doc, chunks(doc));
        }
        store.addAll(batch);
    }

    private KbDocument prepare(NewDocument r, String id) {
        String lang = r.lang() == null || r.lang().isBlank() ? Languages.detect(r.text()) : r.lang();
        if (!Languages.supported(lang)) {
            throw ApiException.badRequest("lang must be 'zh' or 'en' (or omitted to detect it), got '" + lang + "'");
        }
        int n = chunker.chunk(r.text()).size();
        if (n == 0) {
            throw ApiException.unprocessable("the document text contains no sentences with letters or digits");
        }
        return new KbDocument(id, r.title().strip(), r.text(), r.source(), lang, Instant.now(), n);
    }

    private List<Chunk> chunks(KbDocument doc) {
        List<String> texts = chunker.chunk(doc.text());
        List<String> forEmbedding = new ArrayList<>();
        for (String t : texts) {
            forEmbedding.add(doc.title() + "\n" + t);
        }
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < forEmbedding.size(); i += 8) {
            vectors.addAll(embedder.embed(forEmbedding.subList(i, Math.min(forEmbedding.size(), i + 8))));
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            chunks.add(new Chunk(doc.id(), i, doc.title(), doc.lang(), texts.get(i), vectors.get(i)));
        }
        return chunks;
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
