package dev.aigc.gan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overload over real HTTP with the shipped generator: 64 clients at once asking for the largest request
 * ({@code count} 256, raw pixels) get 200 or an immediate 503 with {@code Retry-After}, the process's resident memory
 * stays within a stated bound, and clients that give up leave no work behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gan.generation.workers=2", "gan.generation.queue-capacity=8", "gan.generation.timeout=5s"})
class GenerationOverloadTest {

    /** Resident memory the 64-client burst may add, after warm-up (measured: see docs/gan.md, "Overload"). */
    static final long RSS_GROWTH_BOUND_MB = 300;
    static final String MAX_REQUEST = "{\"count\": 256, \"format\": \"pixels\"}";

    private static final Path MODELS;
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(64);

    static {
        try {
            MODELS = Files.createTempDirectory("gan-models-overload-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("gan.models.location", MODELS::toString);
    }

    @BeforeAll
    static void requireShippedModel() throws Exception {
        Assumptions.assumeTrue(new PathMatchingResourcePatternResolver()
                .getResources("classpath*:models/cdcgan/*/model-card.json").length > 0,
                "no generator shipped yet under models/cdcgan (run train.sh)");
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void shouldAnswer64ConcurrentMaxSizeRequestsWith200Or503AndKeepMemoryBounded() throws Exception {
        burst(4, Duration.ofSeconds(60)); // warm-up: both workers' predictors, the JIT
        long before = residentMegabytes();

        List<HttpResponse<byte[]>> answers = burst(64, Duration.ofSeconds(60));
        long after = residentMegabytes();

        long ok = answers.stream().filter(r -> r.statusCode() == 200).count();
        assertThat(ok).as("answers served").isGreaterThanOrEqualTo(2);
        for (HttpResponse<byte[]> answer : answers) {
            assertThat(answer.statusCode()).isIn(200, 503);
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).as("Retry-After on 503").isPresent();
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
        }
        System.out.printf("64 x count=256: %d answered 200, %d refused 503; RSS %d MB -> %d MB%n", ok,
                answers.size() - ok, before, after);
        assertThat(after - before).as("RSS growth (MB) over the burst").isLessThan(RSS_GROWTH_BOUND_MB);
    }

    @Test
    void shouldNotKeepWorkingForClientsThatGaveUp() throws Exception {
        burst(2, Duration.ofSeconds(60));
        long executedBefore = executed();

        List<Future<HttpResponse<byte[]>>> gone = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            gone.add(CLIENTS.submit(() -> send(Duration.ofMillis(50))));
        }
        for (Future<HttpResponse<byte[]>> f : gone) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // the client gave up: usually HttpTimeoutException, but a timeout that cancels the exchange while the
                // JDK client reads a chunked body surfaces as a plain IOException ("chunked transfer encoding, state:
                // READING_LENGTH"); either way the client left, which is all this test needs
                assertThat(e.getCause()).isInstanceOf(IOException.class);
            }
        }
        // every client has left; what was admitted (2 running + 8 waiting at most) finishes or is dropped
        Thread.sleep(6_000);
        long executed = executed() - executedBefore;
        assertThat(executed).as("generations run after the clients left").isLessThanOrEqualTo(10);
        assertThat(meters.get("inference.queue.size").tag("batcher", "gan-generation").gauge().value()).isZero();
        HttpResponse<byte[]> fresh = send(Duration.ofSeconds(30));
        assertThat(fresh.statusCode()).isEqualTo(200);
    }

    private long executed() {
        Timer timer = meters.find("inference.time").tag("batcher", "gan-generation").timer();
        return timer == null ? 0 : timer.count();
    }

    private List<HttpResponse<byte[]>> burst(int clients, Duration timeout) throws Exception {
        List<Future<HttpResponse<byte[]>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(CLIENTS.submit(() -> send(timeout)));
        }
        List<HttpResponse<byte[]>> answers = new ArrayList<>();
        for (Future<HttpResponse<byte[]>> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    private HttpResponse<byte[]> send(Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/gan/generations"))
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAX_REQUEST)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** VmRSS of this JVM, from /proc (Linux). */
    static long residentMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isReadable(status), "needs /proc/self/status (Linux)");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
