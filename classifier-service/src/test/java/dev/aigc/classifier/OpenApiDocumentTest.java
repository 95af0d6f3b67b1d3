package dev.aigc.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.serving.testing.OpenApiExamples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
        OpenApiExamples examples = OpenApiExamples.of(document());

        List<String> failures = new ArrayList<>();
        for (OpenApiExamples.Request request : examples.requests()) {
            HttpResponse<String> response = OpenApiExamples.send(http, base(), request);
            if (response.statusCode() / 100 != 2) {
                failures.add(request + " -> " + response.statusCode() + " " + response.body());
            }
        }

        assertThat(failures).isEmpty();
        assertThat(examples.requests()).extracting(OpenApiExamples.Request::toString).contains(
                "POST /api/v1/classifications [application/json]",
                "POST /api/v1/classifications/batch [application/json]",
                "POST /v2/models/{model}/infer [application/json]",
                "POST /v2/models/{model}/versions/{version}/infer [application/json]",
                "GET /v2/models/{model}/versions/{version}/ready");
        // only file uploads cannot be sent unchanged: Swagger UI asks for a file (the JSON forms have examples)
        assertThat(examples.unexemplified()).isEmpty();
    }

    @Test
    void shouldFollowTheDocumentConventions() throws Exception {
        String document = document();

        assertThat(OpenApiExamples.of(document).conventionProblems()).isEmpty();
        assertThat(document).contains("\"title\":\"AIGC classifier service\"")
                // the v2 tensor data as the protocol describes it, not Jackson's JsonNode bean
                .contains("\"TensorData\"").doesNotContain("JsonNode");
    }

    private String document() throws Exception {
        HttpResponse<String> response = OpenApiExamples.send(http, base(), new OpenApiExamples.Request("docs", "GET",
                "/v3/api-docs", java.util.Map.of(), null, null));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }
}
