package dev.aigc.gateway.docs;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubService;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/** One Swagger UI at the gateway: every service's document, fetched through the gateway, pointing at it. */
class AggregatedOpenApiTest extends GatewayTestSupport {

    @Test
    void shouldServeEveryServicesDocumentWithTheGatewayAsServerAndAnApiKeyScheme() {
        for (StubService stub : StubServices.ALL) {
            client.get().uri("/v3/api-docs/" + stub.name()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.info.title").isEqualTo(stub.name())
                    .jsonPath("$.paths['" + stub.examplePath() + "'].get.operationId").isEqualTo("example")
                    .jsonPath("$.servers.length()").isEqualTo(1)
                    .jsonPath("$.servers[0].url").isEqualTo(baseUrl())
                    .jsonPath("$.components.securitySchemes.ApiKey.type").isEqualTo("apiKey")
                    .jsonPath("$.components.securitySchemes.ApiKey.in").isEqualTo("header")
                    .jsonPath("$.components.securitySchemes.ApiKey.name").isEqualTo("X-API-Key")
                    .jsonPath("$.security[0].ApiKey").isArray()
                    // anonymous access is on (as in the embedded default): the key is optional, and the text says so
                    .jsonPath("$.security[1]").isEmpty()
                    .jsonPath("$.components.securitySchemes.ApiKey.description").value(String.class,
                            text -> assertThat(text).contains("Not needed"))
                    .jsonPath("$.info.description").value(String.class,
                            text -> assertThat(text).contains("no API key is needed"));
            // fetched from the service's own /v3/api-docs, through the gateway
            assertThat(stub.count("GET", "/v3/api-docs")).isEqualTo(1);
        }
    }

    @Test
    void shouldLetTryItOutReachTheServiceThroughTheGateway() {
        for (StubService stub : StubServices.ALL) {
            client.get().uri(stub.examplePath()).header(API_KEY, USER_KEY).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo(stub.name());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListEveryServiceAndTheGatewayInTheSwaggerUiConfiguration() {
        Map<String, Object> config = client.get().uri("/v3/api-docs/gateway/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, String>> urls = (List<Map<String, String>>) config.get("urls");
        assertThat(urls).extracting(url -> url.get("name"))
                .containsExactlyInAnyOrder("classifier", "gan", "nlp-qa", "career", "gateway");
        assertThat(urls).allSatisfy(url -> assertThat(url.get("url")).isEqualTo("/v3/api-docs/" + url.get("name")));
        client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void shouldDescribeTheGatewaysOwnStatusEndpoint() {
        client.get().uri("/v3/api-docs/gateway").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/status'].get").exists()
                .jsonPath("$.components.securitySchemes.ApiKey.name").isEqualTo("X-API-Key");
    }

    @Test
    void shouldPassAServicesFailureOnUnchanged() {
        StubServices.GAN.script("GET", "/v3/api-docs", StubService.json(500, "{\"title\":\"broken\"}"));
        client.get().uri("/v3/api-docs/gan").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.title").isEqualTo("broken")
                .jsonPath("$.servers").doesNotExist();
    }
}
