package dev.aigc.gan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two independent instances of the GAN service (two application contexts, each with its own registry, web server on a
 * random port, job executor and store follower) over one model store directory, as two replicas behind a load
 * balancer over one ReadWriteMany volume: an activation through one is served by the other within 5 s, a training
 * job started through one shows the same status through the other, which refuses a second job with 409 and can
 * cancel the first; a version a job publishes through one can be activated through the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasOnOneStoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FOLLOW_WITHIN = Duration.ofSeconds(5);
    private static final List<String> ACTIVE = List.of("QUEUED", "RUNNING", "EVALUATING");

    private static Path store;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoReplicas() throws IOException {
        Assumptions.assumeTrue(new PathMatchingResourcePatternResolver()
                .getResources("classpath*:models/cdcgan/*/model-card.json").length > 0,
                "no generator shipped yet under models/cdcgan (run train.sh)");
        store = Files.createTempDirectory("gan-shared-store-");
        a = replica();
        b = replica();
    }

    private static ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(GanApplication.class).run(
                "--server.port=0",
                "--serving.model-store.dir=" + store,
                "--serving.model-store.poll-interval=500ms",
                "--gan.training.evaluation-samples=100",
                "--gan.training.nearest-samples=10",
                "--gan.training.progress-interval=200ms",
                "--gan.training.lock-stale-after=6s",
                "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {a, b}) {
            if (context != null) {
                context.close();
            }
        }
        if (store != null) {
            try (Stream<Path> paths = Files.walk(store)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void shouldServeAVersionActivatedThroughTheOtherReplicaWithinFiveSeconds() throws Exception {
        String shipped = json(send(a, "GET", "/api/v1/gan/models", null, 200)).get("active").asString();
        assertThat(json(send(b, "GET", "/api/v1/gan/models", null, 200)).get("active").asString()).isEqualTo(shipped);
        String copy = publishCopyOf(shipped, "copy-of-" + shipped);

        send(a, "POST", "/api/v1/gan/models/" + copy + "/activate", null, 200);
        Instant activated = Instant.now();
        assertThat(generatedBy(a)).isEqualTo(copy);

        Duration followedIn = awaitTrue(() -> generatedBy(b).equals(copy), FOLLOW_WITHIN);
        JsonNode readiness = json(send(b, "GET", "/actuator/health/readiness", null, 200));
        JsonNode models = readiness.get("components").get("models").get("details").get("cdcgan");
        assertThat(models.get("active").asString()).isEqualTo(copy);
        assertThat(models.get("recorded").asString()).isEqualTo(copy);
        assertThat(models.get("inSync").asBoolean()).isTrue();
        assertThat(followedIn).as("B followed %s after %s", copy, Duration.between(activated, Instant.now()))
                .isLessThanOrEqualTo(FOLLOW_WITHIN);

        send(b, "POST", "/api/v1/gan/models/" + shipped + "/activate", null, 200);
        awaitTrue(() -> generatedBy(a).equals(shipped), FOLLOW_WITHIN);
        assertThat(json(send(a, "GET", "/api/v1/gan/models/nope", null, 404)).get("detail").asString())
                .contains("available: [").contains(copy);
    }

    @Test
    @Order(2)
    void shouldShowAJobStartedThroughOneReplicaThroughTheOtherAndAllowOnlyOne() throws Exception {
        Assumptions.assumeTrue(MnistData.locate().isPresent(), "MNIST not found: run scripts/fetch-mnist.sh");
        // a whole epoch: long enough to be running through every step below, cancelled at the end
        HttpResponse<String> started = send(a, "POST", "/api/v1/gan/training-jobs",
                "{\"epochs\":1,\"batchSize\":16}", 202);
        String id = json(started).get("id").asString();
        String location = started.headers().firstValue("Location").orElseThrow();

        awaitTrue(() -> json(send(b, "GET", location, null, 200)).get("batch").asInt() > 0, Duration.ofSeconds(60));
        JsonNode throughA = json(send(a, "GET", location, null, 200));
        JsonNode throughB = json(send(b, "GET", location, null, 200));
        assertThat(throughB.get("id").asString()).isEqualTo(id);
        assertThat(throughB.get("state").asString()).isEqualTo("RUNNING").isEqualTo(throughA.get("state").asString());
        assertThat(throughB.get("request")).isEqualTo(throughA.get("request"));
        assertThat(throughB.get("runner").asString()).isEqualTo(throughA.get("runner").asString());
        assertThat(throughB.get("createdAt").asString()).isEqualTo(throughA.get("createdAt").asString());
        assertThat(json(send(b, "GET", "/api/v1/gan/training-jobs", null, 200)).get(0).get("id").asString())
                .isEqualTo(id);

        JsonNode refused = json(send(b, "POST", "/api/v1/gan/training-jobs", "{}", 409));
        assertThat(refused.get("status").asInt()).isEqualTo(409);
        assertThat(refused.get("detail").asString()).contains(id).contains("one job at a time");
        send(a, "POST", "/api/v1/gan/training-jobs", "{}", 409);

        JsonNode cancelling = json(send(b, "DELETE", location, null, 202));
        assertThat(cancelling.get("cancelRequested").asBoolean()).isTrue();
        awaitTrue(() -> "CANCELLED".equals(json(send(a, "GET", location, null, 200)).get("state").asString()),
                Duration.ofSeconds(20));
        awaitTrue(() -> "CANCELLED".equals(json(send(b, "GET", location, null, 200)).get("state").asString()),
                Duration.ofSeconds(5));
        send(b, "DELETE", location, null, 409);
    }

    @Test
    @Order(3)
    void shouldActivateThroughOneReplicaAVersionAJobPublishedThroughTheOther() throws Exception {
        Assumptions.assumeTrue(MnistData.locate().isPresent(), "MNIST not found: run scripts/fetch-mnist.sh");
        String shipped = json(send(a, "GET", "/api/v1/gan/models", null, 200)).get("active").asString();
        String location = awaitStarted(b, "{\"epochs\":1,\"batchSize\":16,\"maxBatchesPerEpoch\":2,\"startFrom\":\""
                + shipped + "\"}");

        awaitTrue(() -> !ACTIVE.contains(json(send(a, "GET", location, null, 200)).get("state").asString()),
                Duration.ofMinutes(3));
        JsonNode job = json(send(a, "GET", location, null, 200));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        String version = job.get("resultVersion").asString();
        assertThat(send(a, "GET", location + "/grid.png", null, 200).body()).isNotEmpty();

        JsonNode listed = json(send(a, "GET", "/api/v1/gan/models/" + version, null, 200));
        assertThat(listed.get("active").asBoolean()).isFalse();
        assertThat(listed.get("card").get("metrics").get("classAgreement").isNumber()).isTrue();
        send(a, "POST", "/api/v1/gan/models/" + version + "/activate", null, 200);
        awaitTrue(() -> generatedBy(b).equals(version), FOLLOW_WITHIN);
        send(a, "POST", "/api/v1/gan/models/" + shipped + "/activate", null, 200);
        awaitTrue(() -> generatedBy(b).equals(shipped), FOLLOW_WITHIN);
    }

    /** Starts a job, waiting for a cancelled one to release the lock first. */
    private static String awaitStarted(ConfigurableApplicationContext replica, String body) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> response = send(replica, "POST", "/api/v1/gan/training-jobs", body, -1);
            if (response.statusCode() == 202) {
                return response.headers().firstValue("Location").orElseThrow();
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(Instant.now()).as("the lock was never released").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** Copies a version's files under a new name through the store's staging area (the same weights, a new card). */
    private static String publishCopyOf(String version, String name) throws IOException {
        ModelStore versions = new ModelStore(store.resolve("cdcgan"));
        Path from = versions.dir().resolve(version);
        try (ModelStore.StagedVersion staged = versions.stage(name); Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, staged.dir().resolve(file.getFileName()));
            }
            ModelCard card = ModelCard.read(from);
            new ModelCard(card.name(), name, Instant.now(), card.dataset(), card.training(), card.metrics(),
                    card.details()).write(staged.dir().resolve(ModelCard.FILE_NAME));
            staged.publish();
        }
        return name;
    }

    /** The version a replica generates with, as its generation response names it. */
    private static String generatedBy(ConfigurableApplicationContext replica) throws Exception {
        return json(send(replica, "POST", "/api/v1/gan/generations",
                "{\"count\":1,\"digit\":3,\"seed\":1,\"format\":\"pixels\"}", 200)).get("version").asString();
    }

    private static Duration awaitTrue(Check check, Duration limit) throws Exception {
        Instant start = Instant.now();
        while (!check.holds()) {
            Duration waited = Duration.between(start, Instant.now());
            assertThat(waited).as("condition not met within %s", limit).isLessThan(limit);
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now());
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext replica, String method, String path,
                                             String body, int expected) throws Exception {
        String port = replica.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0) {
            assertThat(response.statusCode()).as(method + " " + path + " on port " + port + ": " + response.body())
                    .isEqualTo(expected);
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

}
