package dev.aigc.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.serving.testing.OpenApiExamples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's OpenAPI document as a new user meets it in Swagger UI: every example it offers, sent unchanged,
 * succeeds; and it follows the platform's conventions (title, tags, ProblemDetail errors, concrete media types).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerEveryDocumentedExampleWith2xx() throws Exception {
        OpenApiExamples examples = OpenApiExamples.fetch(http, base());

        assertThat(examples.sendAll(http, base())).filteredOn(outcome -> !outcome.succeeded()).isEmpty();
        assertThat(examples.requests()).extracting(OpenApiExamples.Request::toString).contains(
                "POST /api/v1/classifications [application/json]",
                "POST /api/v1/classifications/batch [application/json]",
                "POST /v2/models/{model}/infer [application/json]",
                "POST /v2/models/{model}/versions/{version}/infer [application/json]",
                "GET /v2/models/{model}/versions/{version}/ready");
        // every operation has an example to send (the uploads also take JSON)
        assertThat(examples.unexemplified()).isEmpty();
    }

    @Test
    void shouldFollowTheDocumentConventions() throws Exception {
        OpenApiExamples examples = OpenApiExamples.fetch(http, base());

        assertThat(examples.conventionProblems()).isEmpty();
    }

    @Test
    void shouldListEveryRequestFormOfTheClassification() throws Exception {
        JsonNode content = JsonMapper.builder().build().readTree(document())
                .at("/paths/~1api~1v1~1classifications/post/requestBody/content");

        assertThat(content.propertyNames()).containsExactlyInAnyOrder("multipart/form-data", "application/json",
                "image/png", "image/jpeg", "image/gif", "image/bmp");
    }

    @Test
    void shouldDescribeTensorDataAsTheProtocolDoesNotAsJacksonsTree() throws Exception {
        assertThat(document()).contains("\"title\":\"AIGC classifier service\"")
                .contains("\"data\":{\"$ref\":\"#/components/schemas/TensorData\"}")
                .doesNotContain("JsonNode").doesNotContain("nodeType");
    }

    private String document() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }
}
