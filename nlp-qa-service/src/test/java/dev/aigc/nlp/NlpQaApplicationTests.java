package dev.aigc.nlp;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class NlpQaApplicationTests extends ServiceTestSupport {

    @Test
    void shouldStartWithModelsLoadedAndTheBundledKnowledgeBaseSeeded() throws Exception {
        Reply health = get("/actuator/health/readiness");
        assertThat(health.status()).isEqualTo(200);
        JsonNode models = health.json().get("components").get("models");
        assertThat(models.get("status").asString()).isEqualTo("UP");
        assertThat(models.get("details").get("charlm").get("active").asString()).isEqualTo("v2");
        assertThat(models.get("details").propertyNames()).as("one registry-backed models indicator")
                .containsExactly("charlm");
        Reply docs = get("/api/v1/qa/documents?size=5");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("total").asInt()).isGreaterThanOrEqualTo(50);
        assertThat(docs.json().get("items")).hasSize(5);
        Reply openApi = get("/v3/api-docs");
        assertThat(openApi.body()).contains("/api/v1/qa/ask", "/api/v1/nlp/generations/stream", "/api/v1/nlp/models",
                "/api/v1/nlp/models/{version}/activate");
    }
}
