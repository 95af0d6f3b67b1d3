package dev.aigc.gateway.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubService;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Breakers, fallbacks, retries and timeouts against stub services. */
class ResilienceTest extends GatewayTestSupport {

    @Test
    void shouldAnswer503NamingAStoppedServiceWithinASecondAndRecoverWhenItReturns() throws Exception {
        StubService career = StubServices.CAREER;
        career.stop();
        try {
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/career/roles").exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().valueEquals("Retry-After", "1")
                        .expectBody()
                        .jsonPath("$.service").isEqualTo("career")
                        .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                                .startsWith("The career service is unavailable"))
                        .returnResult();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
                assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isNotBlank();
            }
            // after enough failures the breaker is open and the gateway no longer even tries
            client.post().uri("/api/v1/career/assessments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail")
                    .isEqualTo("The career service is unavailable (circuit breaker open); retry later.");
        } finally {
            career.start();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                client.get().uri("/api/v1/career/roles").exchange().expectStatus().isOk());
        client.post().uri("/api/v1/career/assessments").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
    }

    @Test
    void shouldTurnAwayCallsOverTheBulkheadWith503WithoutOpeningTheBreaker() throws Exception {
        int limit = 4; // resilience4j.bulkhead.configs.default.max-concurrent-calls in application-test.yml
        int calls = 7;
        MockResponse slow = StubService.json(200, "{\"ok\":true}").setHeadersDelay(1500, TimeUnit.MILLISECONDS);
        for (int i = 0; i < calls; i++) {
            StubServices.CAREER.script("POST", "/api/v1/career/assessments", slow);
        }
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/career/assessments"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            answers.add(call.get(20, TimeUnit.SECONDS));
        }
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(limit);
        assertThat(refused).hasSize(calls - limit).allSatisfy(r -> {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(r.body()).contains("\"service\":\"career\"")
                    .contains("most concurrent calls it allows to the career service");
        });
        assertThat(StubServices.CAREER.count("POST", "/api/v1/career/assessments")).isEqualTo(limit);
        // refusals are not failures of the service: its breaker stays closed and the next call goes through
        client.post().uri("/api/v1/career/assessments").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
    }

    @Test
    void shouldRetryAGetThatMetA503() {
        StubServices.CLASSIFIER.script("GET", "/api/v1/classifier/models",
                StubService.json(503, "{\"title\":\"warming up\"}"));
        client.get().uri("/api/v1/classifier/models").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("classifier");
        assertThat(StubServices.CLASSIFIER.count("GET", "/api/v1/classifier/models")).isEqualTo(2);
    }

    @Test
    void shouldGiveUpAfterTwoRetriesAndPassTheServicesAnswerOn() {
        MockResponse busy = StubService.json(503, "{\"title\":\"busy\"}").setHeader("Retry-After", "3");
        StubServices.GAN.script("GET", "/api/v1/gan/models", busy, busy, busy, busy);
        client.get().uri("/api/v1/gan/models").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectBody().jsonPath("$.title").isEqualTo("busy");
        assertThat(StubServices.GAN.count("GET", "/api/v1/gan/models")).isEqualTo(3);
    }

    @Test
    void shouldNeverRetryAPost() {
        StubServices.CLASSIFIER.script("POST", "/api/v1/classifications",
                StubService.json(503, "{\"title\":\"queue full\"}").setHeader("Retry-After", "1"));
        client.post().uri("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"pixels\":[]}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.title").isEqualTo("queue full");
        assertThat(StubServices.CLASSIFIER.count("POST", "/api/v1/classifications")).isEqualTo(1);
    }

    @Test
    void shouldNotRetryAServerErrorThatIsNotATransientOne() {
        StubServices.CAREER.script("GET", "/api/v1/career/roles", StubService.json(500, "{\"title\":\"bug\"}"));
        client.get().uri("/api/v1/career/roles").exchange().expectStatus().isEqualTo(500);
        assertThat(StubServices.CAREER.count("GET", "/api/v1/career/roles")).isEqualTo(1);
    }

    @Test
    void shouldCutAClassificationThatTakesLongerThanItsShortTimeoutWith504() {
        StubServices.CLASSIFIER.script("POST", "/api/v1/classifications",
                StubService.json(200, "{}").setHeadersDelay(4000, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        client.post().uri("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("classifier")
                .jsonPath("$.timeoutMillis").isEqualTo(1000)
                .jsonPath("$.detail").isEqualTo("The classifier service did not answer within 1000 ms.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
                Duration.ofMillis(3500));
    }

    @Test
    void shouldWaitLongerForAGenerationThanForAClassification() {
        StubServices.GAN.script("POST", "/api/v1/gan/generations",
                StubService.json(200, "{\"images\":[]}").setHeadersDelay(2000, TimeUnit.MILLISECONDS));
        client.post().uri("/api/v1/gan/generations").header(API_KEY, ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":1}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.images").isArray();
    }
}
