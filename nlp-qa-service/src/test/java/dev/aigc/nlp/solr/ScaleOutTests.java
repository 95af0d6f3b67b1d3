package dev.aigc.nlp.solr;

import dev.aigc.nlp.NlpQaApplication;
import dev.aigc.nlp.kb.KnowledgeStore;
import dev.aigc.nlp.kb.SolrStore;
import dev.aigc.nlp.kb.StoreProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service (two application contexts on their own ports, as two pods would be) on one
 * SolrCloud collection of 2 shards × 2 replicas spread over two Solr nodes (child JVMs, {@link LocalSolrCloud}):
 * what one instance writes the other reads at once, a restarted instance keeps everything, and killing a Solr node
 * with SIGKILL while documents are being ingested loses none of the documents that were acknowledged with 201.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String COLLECTION = "scale-" + UUID.randomUUID().toString().substring(0, 8);

    static LocalSolrCloud cloud;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalSolrCloud.shared();
        // Both instances start together on a cluster without the collection: its creation must be idempotent.
        // Spring Boot's logging initialisation is not safe for two applications starting at once in one JVM (it
        // failed once with "Unable to find Spring Environment in logger context"), so these two leave logging as the
        // test JVM configured it.
        String logging = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(ScaleOutTests::instance);
            CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(ScaleOutTests::instance);
            a = first.get();
            b = second.get();
        } finally {
            if (logging == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, logging);
            }
        }
    }

    static ConfigurableApplicationContext instance() {
        // Command-line arguments: they override application.yml (the builder's properties() would not).
        return new SpringApplicationBuilder(NlpQaApplication.class).run(
                "--server.port=0",
                "--nlp.kb.store.backend=solr",
                "--nlp.kb.store.solr.urls=" + cloud.urlList(),
                "--nlp.kb.store.solr.collection=" + COLLECTION,
                "--nlp.kb.store.solr.shards=2",
                "--nlp.kb.store.solr.replication-factor=2",
                "--nlp.kb.seed-on-start=false",
                "--nlp.kb.index-dir=target/must-not-exist/" + UUID.randomUUID(),
                "--nlp.kb.store.solr.request-timeout=20s",
                "--nlp.embedding.threads=2");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void shouldAnswerOnOneInstanceFromADocumentIngestedThroughTheOther() throws Exception {
        Reply created = post(a, "/api/v1/qa/documents", Map.of("title", "Quillfeather backups",
                "text", "Database backups of the Quillfeather billing system run every night at 01:30. "
                        + "They are kept for 35 days in the Tromsø data centre.", "lang", "en"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        assertThat(get(b, "/api/v1/qa/documents/" + id).status()).isEqualTo(200);
        JsonNode answer = post(b, "/api/v1/qa/ask", Map.of("question", "When do the Quillfeather backups run?")).json();
        assertThat(answer.get("citations").get(0).get("documentId").asString()).isEqualTo(id);
        assertThat(answer.get("answered").asBoolean()).isTrue();
        assertThat(answer.get("answer").asString()).contains("01:30");
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("target/must-not-exist")))
                .as("no local index with the Solr backend").isFalse();
    }

    @Test
    @Order(2)
    void shouldDeleteThroughOneInstanceForBoth() throws Exception {
        Reply created = post(b, "/api/v1/qa/documents", Map.of("title", "Marrowind ferry",
                "text", "The Marrowind ferry leaves the harbour at seven and takes ninety minutes to the island."));
        String id = created.json().get("id").asString();
        assertThat(get(a, "/api/v1/qa/documents/" + id).status()).isEqualTo(200);

        assertThat(send(b, "DELETE", "/api/v1/qa/documents/" + id, null).status()).isEqualTo(204);
        assertThat(get(a, "/api/v1/qa/documents/" + id).status()).isEqualTo(404);
        assertThat(send(a, "DELETE", "/api/v1/qa/documents/" + id, null).status()).isEqualTo(404);
        JsonNode answer = post(a, "/api/v1/qa/ask", Map.of("question", "When does the Marrowind ferry leave?")).json();
        for (JsonNode c : answer.get("citations")) {
            assertThat(c.get("documentId").asString()).isNotEqualTo(id);
        }
    }

    @Test
    @Order(3)
    void shouldKeepEverythingWhenAnInstanceRestarts() throws Exception {
        Reply created = post(a, "/api/v1/qa/documents", Map.of("title", "Halvorsen array",
                "text", "The Halvorsen telescope array has forty-two receiving dishes spread over the plateau."));
        String id = created.json().get("id").asString();
        int count = get(a, "/api/v1/qa/documents?size=100").json().get("total").asInt();
        a.close();
        a = instance();
        assertThat(get(a, "/api/v1/qa/documents/" + id).status()).isEqualTo(200);
        assertThat(get(a, "/api/v1/qa/documents?size=100").json().get("total").asInt()).isEqualTo(count);
        JsonNode answer = post(a, "/api/v1/qa/ask",
                Map.of("question", "How many receiving dishes does the Halvorsen array have?")).json();
        assertThat(answer.get("citations").get(0).get("documentId").asString()).isEqualTo(id);
    }

    @Test
    @Order(4)
    void shouldKeepEveryAcknowledgedDocumentWhenASolrNodeIsKilledDuringIngestion() throws Exception {
        try {
            ingestWhileKillingANode();
        } finally {
            if (!cloud.external()) {
                cloud.startNode(1); // back for the other test classes of this JVM
            }
        }
    }

    private void ingestWhileKillingANode() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            if (i == 25 && !cloud.external()) {
                cloud.kill(1); // SIGKILL: no shutdown, the node's ZooKeeper session simply expires
                assertThat(reachable(cloud.urls().get(1))).as("node 2 is gone").isFalse();
            }
            String word = "zorblax" + i + "q";
            ConfigurableApplicationContext via = i % 2 == 0 ? a : b;
            // As a client would: a 503 (no leader for the shard while the dead node's session expires) is retried
            // after a pause; only a 201 counts.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                Reply r = post(via, "/api/v1/qa/documents", Map.of("title", "Kill test " + i,
                        "text", "Kill test document " + i + " mentions the token " + word + ". It has two sentences.",
                        "lang", "en"));
                if (r.status() == 201) {
                    acknowledged.add(r.json().get("id").asString());
                    words.add(word);
                    break;
                }
                assertThat(r.status()).as("a failed write is a 503 problem, not a 500: %s", r.body()).isEqualTo(503);
                assertThat(System.nanoTime()).as("writes resume once the surviving node leads").isLessThan(deadline);
                refused++;
                Thread.sleep(1000);
            }
        }
        assertThat(acknowledged).hasSize(100);
        List<String> survivor = List.of(cloud.urls().get(0));
        try (KnowledgeStore store = new SolrStore(new StoreProperties.Solr(survivor, COLLECTION, "nlp-qa-kb", 2, 2, 1,
                Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(120)))) {
            for (int i = 0; i < acknowledged.size(); i++) {
                assertThat(store.get(acknowledged.get(i))).as("document %s", acknowledged.get(i)).isPresent();
                // (a refused attempt may have left an unacknowledged copy with the same word: contains, not first)
                List<KnowledgeStore.Hit> hits = store.searchBm25(words.get(i), 10);
                assertThat(hits).as("search for %s", words.get(i)).extracting(h -> h.chunk().docId())
                        .contains(acknowledged.get(i));
            }
        }
        for (ConfigurableApplicationContext via : List.of(a, b)) {
            assertThat(get(via, "/api/v1/qa/documents/" + acknowledged.get(acknowledged.size() - 1)).status())
                    .isEqualTo(200);
        }
        System.out.printf("kill test: %d acknowledged, %d attempts refused with 503 during the fail-over%n",
                acknowledged.size(), refused);
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    static boolean reachable(String solrUrl) throws InterruptedException {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(solrUrl + "/admin/info/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static Reply post(ConfigurableApplicationContext via, String path, Object body) throws Exception {
        return send(via, "POST", path, JSON.writeValueAsString(body));
    }

    static Reply get(ConfigurableApplicationContext via, String path) throws Exception {
        return send(via, "GET", path, null);
    }

    static Reply send(ConfigurableApplicationContext via, String method, String path, String json) throws Exception {
        int port = ((WebServerApplicationContext) via).getWebServer().getPort();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        r.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body());
    }

    record Reply(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
