package dev.aigc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.serving.testing.OpenApiExamples;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document as a new user meets it in Swagger UI: every example it offers, sent unchanged,
 * succeeds (the QA example's {@code "mode": "hybrid"} among them); and it follows the platform's conventions (title,
 * tags, ProblemDetail errors, concrete media types). Documents the examples add are deleted again, so the shared
 * knowledge base stays as seeded for the other tests.
 */
class OpenApiDocumentTest extends ServiceTestSupport {

    @Test
    void shouldAnswerEveryDocumentedExampleWith2xx() throws Exception {
        OpenApiExamples examples = OpenApiExamples.fetch(HTTP, base());

        List<OpenApiExamples.Outcome> outcomes = examples.sendAll(HTTP, base());
        for (OpenApiExamples.Outcome outcome : outcomes) {
            outcome.response().headers().firstValue("Location").ifPresent(location -> HTTP.sendAsync(
                    HttpRequest.newBuilder(base().resolve(location)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding()).join());
        }

        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded()).isEmpty();
        assertThat(examples.requests()).extracting(OpenApiExamples.Request::toString).contains(
                "POST /api/v1/qa/ask [application/json]", "POST /api/v1/qa/documents [application/json]",
                "POST /api/v1/qa/documents [text/plain]", "POST /api/v1/nlp/generations/stream [application/json]");
        assertThat(outcomes).filteredOn(o -> o.request().operation().equals("POST /api/v1/qa/ask")).singleElement()
                .satisfies(o -> assertThat(o.request().body()).contains("\"mode\":\"hybrid\""))
                .satisfies(o -> assertThat(o.response().body()).contains("\"mode\":\"hybrid\""));
        // deleting needs an id a user has chosen: no example deletes a document
        assertThat(examples.unexemplified()).containsExactly(
                "DELETE /api/v1/qa/documents/{id}: parameter 'id' has no example");
    }

    @Test
    void shouldFollowTheDocumentConventions() throws Exception {
        OpenApiExamples examples = OpenApiExamples.fetch(HTTP, base());

        assertThat(examples.conventionProblems()).isEmpty();
    }

    private URI base() {
        return uri("");
    }
}
