package dev.aigc.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.serving.testing.OpenApiExamples;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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
    void shouldDescribeTensorDataAsTheProtocolDoesNotAsJacksonsTree() throws Exception {
        String document = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();

        assertThat(document).contains("\"title\":\"AIGC classifier service\"")
                .contains("\"data\":{\"$ref\":\"#/components/schemas/TensorData\"}")
                .doesNotContain("JsonNode").doesNotContain("nodeType");
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }
}
