package dev.aigc.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose and Kubernetes posture: anonymous access off, every API call needs a key. */
@TestPropertySource(properties = "aigc.gateway.security.anonymous-access=false")
class LockedDownGatewayTest extends GatewayTestSupport {

    @Test
    void shouldRefuseCallsWithoutAKeyWith401Problem() {
        client.get().uri("/api/v1/classifier/models").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").isEqualTo("This endpoint needs an API key in the X-API-Key header.")
                .jsonPath("$.instance").isEqualTo("/api/v1/classifier/models");
        client.get().uri("/api/v1/status").exchange().expectStatus().isUnauthorized();
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }

    @Test
    void shouldServeCallsWithAUserKey() {
        client.get().uri("/api/v1/classifier/models").header(API_KEY, USER_KEY).exchange().expectStatus().isOk();
        client.post().uri("/api/v1/classifier/models/v2/activate").header(API_KEY, USER_KEY).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void shouldKeepProbesAndDocumentationOpen() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs/gateway").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs/classifier").exchange().expectStatus().isOk();
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void shouldDocumentThatEveryCallNeedsAKey() {
        client.get().uri("/v3/api-docs/classifier").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.security.length()").isEqualTo(1)
                .jsonPath("$.security[0].ApiKey").isArray()
                .jsonPath("$.info.description").value(String.class,
                        text -> assertThat(text).contains("every call needs"));
    }
}
