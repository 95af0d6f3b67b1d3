package dev.aigc.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys and roles with the embedded default: anonymous callers get the user role. */
class ApiKeySecurityTest extends GatewayTestSupport {

    @Test
    void shouldServeAnonymousCallersAsUsersWhenTheSwitchIsOn() {
        client.get().uri("/api/v1/classifier/models").exchange().expectStatus().isOk();
        assertThat(StubServices.CLASSIFIER.count("GET", "/api/v1/classifier/models")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAWrongKeyWith401EvenThoughAnonymousAccessIsOn() {
        client.get().uri("/api/v1/classifier/models").header(API_KEY, "not-a-configured-key-at-all")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "ApiKey header=\"X-API-Key\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("The API key in X-API-Key is not valid.")
                .jsonPath("$.requestId").isNotEmpty();
        assertThat(StubServices.CLASSIFIER.requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST,   /api/v1/classifier/models/v2/activate",
            "POST,   /api/v1/gan/models/g7/activate",
            "POST,   /api/v1/nlp/models/lm-3/activate",
            "POST,   /api/v1/gan/training-jobs",
            "GET,    /api/v1/gan/training-jobs/42",
            "DELETE, /api/v1/gan/training-jobs/42",
            "POST,   /api/v1/qa/documents",
            "DELETE, /api/v1/qa/documents/doc-1",
    })
    void shouldReserveAdminOperationsForTheAdminRole(String method, String path) {
        HttpMethod httpMethod = HttpMethod.valueOf(method);
        // anonymous: asked for a key
        client.method(httpMethod).uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("This endpoint needs an API key in the X-API-Key header.");
        // user key: forbidden, and told why
        client.method(httpMethod).uri(path).header(API_KEY, USER_KEY).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").isEqualTo("The role 'user' may not call " + method + " " + path
                        + "; it needs the admin role.");
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
        // admin key: passes, and the key itself stays at the gateway
        client.method(httpMethod).uri(path).header(API_KEY, ADMIN_KEY).exchange().expectStatus().isOk();
        assertThat(StubServices.ALL.stream().flatMap(stub -> stub.requests().stream()))
                .singleElement()
                .satisfies(request -> assertThat(request.getHeader(API_KEY)).isNull());
    }

    /** Trailing slashes, case, repeated slashes and escaped letters must not slip past the admin rules. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST,   /api/v1/classifier/models/v2/activate/",
            "POST,   /api/v1/classifier/models/v2/ACTIVATE",
            "POST,   /api/v1/gan/models/g7/Activate/",
            "POST,   /API/V1/NLP/MODELS/LM-3/ACTIVATE",
            "POST,   /api/v1/classifier/models/v2/%61ctivate",
            "POST,   /api/v1/gan/training-jobs/",
            "POST,   /api/v1/GAN/Training-Jobs",
            "DELETE, /api/v1/gan/training-jobs/42/",
            "POST,   /api/v1/qa/documents/",
            "POST,   /api/v1/QA/Documents",
            "DELETE, /api/v1/qa/DOCUMENTS/doc-1",
            "GET,    /ACTUATOR/env",
            "GET,    /actuator/env/",
    })
    void shouldMatchAdminRulesOnTheNormalisedPath(String method, String path) {
        HttpMethod httpMethod = HttpMethod.valueOf(method);
        client.method(httpMethod).uri(java.net.URI.create(baseUrl() + path)).exchange()
                .expectStatus().isUnauthorized();
        client.method(httpMethod).uri(java.net.URI.create(baseUrl() + path)).header(API_KEY, USER_KEY).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }

    @Test
    void shouldNormalisePathsForTheAdminRules() {
        assertThat(AdminPaths.normalise("/api/v1/classifier/models/v2/activate/")).isEqualTo(
                "/api/v1/classifier/models/v2/activate");
        assertThat(AdminPaths.normalise("/API//v1/Gan/training-jobs///")).isEqualTo("/api/v1/gan/training-jobs");
        assertThat(AdminPaths.normalise("/api/v1/x/%61ctivate")).isEqualTo("/api/v1/x/activate");
        assertThat(AdminPaths.normalise("/")).isEqualTo("/");
    }

    @Test
    void shouldLetUsersReadTheKnowledgeBaseButNotChangeIt() {
        client.get().uri("/api/v1/qa/documents").header(API_KEY, USER_KEY).exchange().expectStatus().isOk();
        client.get().uri("/api/v1/qa/documents/doc-1").header(API_KEY, USER_KEY).exchange().expectStatus().isOk();
        client.post().uri("/api/v1/qa/ask").header(API_KEY, USER_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\":\"什么是人工智能？\"}").exchange().expectStatus().isOk();
        client.delete().uri("/api/v1/qa/documents/doc-1").header(API_KEY, USER_KEY).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void shouldKeepTheGatewaysOwnActuatorForAdminsExceptProbesAndMetricsScraping() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        client.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/metrics").header(API_KEY, USER_KEY).exchange().expectStatus().isForbidden();
        client.get().uri("/actuator/metrics").header(API_KEY, ADMIN_KEY).exchange().expectStatus().isOk();
    }
}
