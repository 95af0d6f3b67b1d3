package dev.aigc.gateway.routing;

import java.util.List;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubService;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends GatewayTestSupport {

    @Autowired
    private RouteLocator routes;

    @Test
    void shouldLoadEveryRouteFromTheServerWebfluxProperties() {
        List<String> ids = routes.getRoutes().map(Route::getId).collectList().block();
        assertThat(ids).containsExactlyInAnyOrder(
                "classifier-api-docs", "gan-api-docs", "nlp-qa-api-docs", "career-api-docs",
                "classifier-admin", "classifier-read", "classifier",
                "gan-generation", "gan-training", "gan-read", "gan",
                "nlp-qa-stream", "nlp-qa-generation", "nlp-qa-read", "nlp-qa",
                "career-read", "career");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} ({3} tier)")
    @CsvSource({
            "POST, /api/v1/classifications,              classifier, 1000",
            "POST, /api/v1/classifications/batch,        classifier, 1000",
            "GET,  /api/v1/classifier/models,            classifier, 1000",
            "GET,  /v2/health/ready,                     classifier, 1000",
            "POST, /v2/models/mnist/infer,               classifier, 1000",
            "POST, /api/v1/gan/generations,              gan,        1",
            "GET,  /api/v1/gan/grid.png,                 gan,        1",
            "POST, /api/v1/gan/interpolations,           gan,        1",
            "GET,  /api/v1/gan/models,                   gan,        1000",
            "POST, /api/v1/qa/ask,                       nlp-qa,     1000",
            "GET,  /api/v1/qa/documents,                 nlp-qa,     1000",
            "POST, /api/v1/nlp/generations,              nlp-qa,     1",
            "POST, /api/v1/nlp/sentiment,                nlp-qa,     1000",
            "POST, /api/v1/nlp/classifications,          nlp-qa,     1000",
            "GET,  /api/v1/career/roles,                 career,     1000",
            "POST, /api/v1/career/assessments,           career,     1000",
    })
    void shouldRouteEachPrefixToItsServiceWithItsRateTier(String method, String path, String service,
                                                         String replenishRate) throws Exception {
        String body = "{\"probe\":\"" + path + "\"}";
        WebTestClientCall.call(client, HttpMethod.valueOf(method), path + "?q=1", body, USER_KEY)
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Replenish-Rate", replenishRate)
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(path + "?q=1");

        StubService stub = StubServices.ALL.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
        assertThat(StubServices.ALL).allSatisfy(other -> {
            if (other != stub) {
                assertThat(other.requests()).isEmpty();
            }
        });
        RecordedRequest received = stub.requests().get(0);
        assertThat(received.getMethod()).isEqualTo(method);
        if (method.equals("POST")) {
            assertThat(received.getBody().readUtf8()).isEqualTo(body);
        }
    }

    @Test
    void shouldAnswerUnknownPathsWith404ProblemWithoutAskingAnyService() {
        client.get().uri("/api/v1/unknown/thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("Nothing is served at GET /api/v1/unknown/thing.");
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }
}
