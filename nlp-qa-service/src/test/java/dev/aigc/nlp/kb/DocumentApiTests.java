package dev.aigc.nlp.kb;

import dev.aigc.nlp.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentApiTests extends ServiceTestSupport {

    @Test
    void shouldIngestFindAnswerFromAndDeleteADocument() throws Exception {
        Reply created = post("/api/v1/qa/documents", json(Map.of("title", "Installing Gradle", "source", "test",
                "text", "Gradle is a build tool for the JVM. Install it with SDKMAN by running sdk install gradle. "
                        + "Check the installation with gradle --version. Projects describe their build in build.gradle.")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode doc = created.json();
        String id = doc.get("id").asString();
        assertThat(created.location()).endsWith("/api/v1/qa/documents/" + id);
        assertThat(doc.get("lang").asString()).isEqualTo("en");
        assertThat(doc.get("chunks").asInt()).isPositive();

        assertThat(get("/api/v1/qa/documents/" + id).json().get("title").asString()).isEqualTo("Installing Gradle");
        JsonNode answer = post("/api/v1/qa/ask", json(Map.of("question", "How can I verify that Gradle is installed?")))
                .json();
        assertThat(answer.get("answered").asBoolean()).isTrue();
        assertThat(answer.get("citations").get(0).get("documentId").asString()).isEqualTo(id);
        assertThat(answer.get("answer").asString()).contains("gradle --version");

        assertThat(send("DELETE", "/api/v1/qa/documents/" + id, null, null).status()).isEqualTo(204);
        assertThat(get("/api/v1/qa/documents/" + id).status()).isEqualTo(404);
        JsonNode after = post("/api/v1/qa/ask", json(Map.of("question", "How can I verify that Gradle is installed?")))
                .json();
        assertThat(after.get("citations").findValuesAsString("documentId")).doesNotContain(id);
    }

    @Test
    void shouldIngestAMarkdownBodyAndPageThroughDocuments() throws Exception {
        String markdown = "# 部署提示\n\n- 使用 **Docker** 打包服务。\n- 通过健康检查确认服务就绪。";
        Reply created = send("POST", "/api/v1/qa/documents?title=%E9%83%A8%E7%BD%B2&source=wiki", "text/markdown",
                markdown.getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("lang").asString()).isEqualTo("zh");
        assertThat(created.json().get("title").asString()).isEqualTo("部署");

        JsonNode page0 = get("/api/v1/qa/documents?page=0&size=10").json();
        JsonNode page1 = get("/api/v1/qa/documents?page=1&size=10").json();
        assertThat(page0.get("items")).hasSize(10);
        assertThat(page0.get("total").asLong()).isGreaterThanOrEqualTo(51);
        assertThat(page1.get("items").get(0).get("id").asString())
                .isNotEqualTo(page0.get("items").get(0).get("id").asString());
    }
}
