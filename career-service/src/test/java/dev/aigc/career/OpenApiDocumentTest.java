package dev.aigc.career;

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
        // the five request bodies of the assessment and recommendation examples, and every read
        assertThat(examples.requests()).hasSize(9);
        assertThat(examples.unexemplified()).isEmpty();
    }

    @Test
    void shouldFollowTheDocumentConventions() throws Exception {
        OpenApiExamples examples = OpenApiExamples.fetch(http, base());

        assertThat(examples.conventionProblems()).isEmpty();
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }
}
