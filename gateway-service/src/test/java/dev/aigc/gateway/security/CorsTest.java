package dev.aigc.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

class CorsTest extends GatewayTestSupport {

    @Test
    void shouldAnswerAPreflightFromAnAllowedOriginWithoutAKeyAndWithoutAskingTheService() {
        client.options().uri("/api/v1/classifications")
                .header(HttpHeaders.ORIGIN, "https://app.example.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-api-key, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers)
                        .containsIgnoringCase("x-api-key"));
        assertThat(StubServices.CLASSIFIER.requests()).isEmpty();
    }

    @Test
    void shouldAcceptLocalDevelopmentOriginsOnAnyPort() {
        client.options().uri("/api/v1/gan/generations")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
    }

    @Test
    void shouldRefuseAPreflightFromAnOriginNotConfiguredWith403Problem() {
        client.options().uri("/api/v1/classifications")
                .header(HttpHeaders.ORIGIN, "https://evil.example.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Cross-origin request from https://evil.example.test "
                        + "is not allowed by the gateway's CORS settings.");
    }

    @Test
    void shouldLetBrowsersReadTheRequestIdAndQuotaHeadersOfACrossOriginAnswer() {
        client.get().uri("/api/v1/career/roles").header(HttpHeaders.ORIGIN, "https://app.example.test")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("X-Request-Id", "Retry-After", "X-RateLimit-Remaining"));
    }
}
