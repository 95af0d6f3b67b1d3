package dev.aigc.nlp.eval;

import dev.aigc.nlp.kb.KbProperties;
import dev.aigc.nlp.kb.KnowledgeStore;
import dev.aigc.nlp.kb.LuceneStore;
import dev.aigc.nlp.kb.SolrStore;
import dev.aigc.nlp.kb.StoreProperties;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A fresh, empty store for one evaluation run: a temporary Lucene index, or a new collection (2 shards × 2 replicas,
 * like the shipped default) on a running SolrCloud; removed again on {@link #close()}.
 */
final class EvalBackend implements AutoCloseable {

    /** application.yml's knowledge-base settings (chunking as the service does it). */
    static final KbProperties PROPERTIES = new KbProperties("unused", true, 160, 1, 100_000);

    private final KnowledgeStore store;
    private final Path index;
    private final List<String> solrUrls;
    private final String collection;

    private EvalBackend(KnowledgeStore store, Path index, List<String> solrUrls, String collection) {
        this.store = store;
        this.index = index;
        this.solrUrls = solrUrls;
        this.collection = collection;
    }

    /** @param glosser builds the chunks' English view (the service's is {@code Bilingual::gloss}) */
    static EvalBackend open(String backend, List<String> solrUrls, UnaryOperator<String> glosser) throws IOException {
        switch (backend) {
            case "lucene" -> {
                Path index = Files.createTempDirectory("nlp-eval-index");
                return new EvalBackend(new LuceneStore(index, glosser), index, null, null);
            }
            case "solr" -> {
                String collection = "nlp-eval-" + UUID.randomUUID().toString().substring(0, 8);
                SolrStore store = new SolrStore(new StoreProperties.Solr(solrUrls, collection, "nlp-qa-kb", 2, 2, 1,
                        Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(120)), glosser);
                return new EvalBackend(store, null, solrUrls, collection);
            }
            default -> throw new IllegalArgumentException("--backend must be lucene or solr, got " + backend);
        }
    }

    KnowledgeStore store() {
        return store;
    }

    @Override
    public String toString() {
        return index != null ? "a Lucene index" : "SolrCloud collection " + collection + " (2 shards x 2 replicas)";
    }

    @Override
    public void close() throws Exception {
        store.close();
        if (index != null) {
            try (var paths = Files.walk(index)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(solrUrls.get(0)
                    + "/admin/collections?action=DELETE&name=" + collection)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.err.println("could not delete the evaluation collection " + collection + ": " + r.body());
            }
        }
    }
}
