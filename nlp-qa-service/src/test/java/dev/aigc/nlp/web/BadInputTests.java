package dev.aigc.nlp.web;

import dev.aigc.nlp.ServiceTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input the issue lists gets a 4xx RFC 9457 problem that names it, never a 500. */
class BadInputTests extends ServiceTestSupport {

    private static final byte[] INVALID_UTF8 = {'{', '"', 'q', 'u', 'e', 's', 't', 'i', 'o', 'n', '"', ':', '"',
            (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};

    static Stream<Arguments> badJson() {
        String longQuestion = "什".repeat(501);
        List<String> manyLabels = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            manyLabels.add("label" + i);
        }
        return Stream.of(
                Arguments.of("/api/v1/qa/ask", json(Map.of("question", "")), 400, "question"),
                Arguments.of("/api/v1/qa/ask", json(Map.of("question", "   ")), 400, "question"),
                Arguments.of("/api/v1/qa/ask", json(Map.of("question", longQuestion)), 400, "question"),
                Arguments.of("/api/v1/qa/ask", json(Map.of("question", "什么是GAN？", "topK", 0)), 400, "topK"),
                Arguments.of("/api/v1/qa/ask", json(Map.of("question", "什么是GAN？", "topK", 11)), 400, "topK"),
                Arguments.of("/api/v1/qa/ask", json(Map.of("question", "什么是GAN？", "mode", "magic")), 400, "mode"),
                Arguments.of("/api/v1/qa/ask", "{\"question\": ", 400, "JSON"),
                Arguments.of("/api/v1/nlp/generations", json(Map.of("prompt", "")), 400, "prompt"),
                Arguments.of("/api/v1/nlp/generations", json(Map.of("prompt", "春".repeat(201))), 400, "prompt"),
                Arguments.of("/api/v1/nlp/generations", json(Map.of("prompt", "春天", "maxTokens", 0)), 400, "maxTokens"),
                Arguments.of("/api/v1/nlp/generations", json(Map.of("prompt", "春天", "maxTokens", 501)), 400, "maxTokens"),
                Arguments.of("/api/v1/nlp/generations", json(Map.of("prompt", "春天", "temperature", 0)), 400, "temperature"),
                Arguments.of("/api/v1/nlp/generations", json(Map.of("prompt", "春天", "temperature", -1)), 400, "temperature"),
                Arguments.of("/api/v1/nlp/generations", json(Map.of("prompt", "春天", "topK", -1)), 400, "topK"),
                Arguments.of("/api/v1/nlp/generations", json(Map.of("prompt", "春天", "topP", 0)), 400, "topP"),
                Arguments.of("/api/v1/nlp/generations/stream", json(Map.of("prompt", "春天", "maxTokens", 9999)), 400, "maxTokens"),
                Arguments.of("/api/v1/nlp/generations/stream", json(Map.of("prompt", "春天", "temperature", 0)), 400, "temperature"),
                Arguments.of("/api/v1/nlp/classifications", json(Map.of("text", "球赛很精彩", "labels", List.of())), 400, "labels"),
                Arguments.of("/api/v1/nlp/classifications", json(Map.of("text", "球赛很精彩", "labels", manyLabels)), 400, "labels"),
                Arguments.of("/api/v1/nlp/classifications", json(Map.of("text", "球赛很精彩", "labels", List.of("体育", ""))), 400, "labels"),
                Arguments.of("/api/v1/nlp/classifications", json(Map.of("text", "球赛很精彩", "labels", List.of("体育", "体育"))), 400, "distinct"),
                Arguments.of("/api/v1/nlp/classifications", json(Map.of("text", "", "labels", List.of("体育"))), 400, "text"),
                Arguments.of("/api/v1/nlp/sentiment", json(Map.of("text", "")), 400, "text"),
                Arguments.of("/api/v1/nlp/sentiment", json(Map.of("text", "好".repeat(2001))), 400, "text"),
                Arguments.of("/api/v1/qa/documents", json(Map.of("title", "t", "text", "")), 400, "text"),
                Arguments.of("/api/v1/qa/documents", json(Map.of("title", "", "text", "Some text.")), 400, "title"),
                Arguments.of("/api/v1/qa/documents", json(Map.of("title", "t", "text", "Some text.", "lang", "fr")), 400, "lang"),
                Arguments.of("/api/v1/qa/documents", json(Map.of("title", "t", "text", "。！？……")), 422, "sentences"),
                Arguments.of("/api/v1/qa/documents", json(Map.of("title", "t", "text", "长".repeat(100_001))), 413, "limit"));
    }

    @ParameterizedTest(name = "{0} {3} -> {2}")
    @MethodSource("badJson")
    void shouldAnswerBadInputWithAProblemDetail(String path, String body, int status, String mentions) throws Exception {
        Reply r = post(path, body);
        assertProblem(r, status, mentions);
    }

    /** The hostile inputs of the fuzz run (issue 18): a 400 in the client's terms, never a Java type or a 500. */
    static Stream<Arguments> hostileJson() {
        return Stream.of(
                Arguments.of("/api/v1/qa/ask", "[1]", "The request body must be an object (got an array)"),
                Arguments.of("/api/v1/qa/ask", "{\"question\": [\"a\"]}", "'question' must be a string"),
                Arguments.of("/api/v1/qa/ask", "{\"question\": \"GAN?\", \"topK\": 1.5}", "'topK' must be an integer"),
                Arguments.of("/api/v1/qa/ask", "{\"question\": \"GAN?\", \"topK\": NaN}", "NaN and Infinity"),
                Arguments.of("/api/v1/qa/ask", "{\"topK\": " + "9".repeat(2000) + "}", "exceeds the maximum"),
                Arguments.of("/api/v1/nlp/generations", "{\"prompt\": \"春天\", \"maxTokens\": 4.5}",
                        "'maxTokens' must be an integer"),
                Arguments.of("/api/v1/nlp/generations/stream", "{\"prompt\": \"春天\", \"seed\": 1e30}",
                        "'seed' must be an integer"),
                Arguments.of("/api/v1/nlp/classifications", "{\"text\": \"x\", \"labels\": {\"a\": 1}}",
                        "'labels' must be an array"),
                Arguments.of("/api/v1/nlp/sentiment", "\"text\"", "The request body must be an object"),
                Arguments.of("/api/v1/qa/documents", "{\"title\": {}, \"text\": \"x\"}", "'title' must be a string"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileJson")
    void shouldSayWhatIsWrongWithoutNamingJavaInternals(String path, String body, String says) throws Exception {
        Reply r = post(path, body);
        assertProblem(r, 400, says);
        assertThat(r.body()).doesNotContain("dev.aigc", "java.", "JsonReadFeature", "StreamReadConstraints",
                "JsonToken", "LinkedHashMap");
    }

    @Test
    void shouldRejectUndecodableQueryTextWith400() throws Exception {
        for (String query : List.of("page=%ff", "size=%C3%28", "x=%ff&page=1")) {
            Reply r = get("/api/v1/qa/documents?" + query);
            assertProblem(r, 400, "percent-encoded UTF-8");
        }
    }

    @Test
    void shouldRejectInvalidUtf8InAJsonBody() throws Exception {
        for (String path : List.of("/api/v1/qa/ask", "/api/v1/nlp/generations", "/api/v1/nlp/sentiment")) {
            Reply r = send("POST", path, "application/json", INVALID_UTF8);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void shouldRejectInvalidUtf8InAPlainTextDocument() throws Exception {
        byte[] body = {'H', 'e', 'l', 'l', 'o', ' ', (byte) 0xE4, (byte) 0xB8, '.'};
        Reply r = send("POST", "/api/v1/qa/documents?title=broken", "text/plain", body);
        assertProblem(r, 400, "UTF-8");
    }

    @Test
    void shouldRejectAnEmptyPlainTextDocument() throws Exception {
        Reply r = send("POST", "/api/v1/qa/documents?title=empty", "text/markdown", "  \n".getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 400, "empty");
    }

    @Test
    void shouldAnswer404ForAnUnknownDocument() throws Exception {
        assertProblem(get("/api/v1/qa/documents/no-such-document"), 404, "no-such-document");
        assertProblem(send("DELETE", "/api/v1/qa/documents/no-such-document", null, null), 404, "no-such-document");
    }

    @Test
    void shouldRejectAnOutOfRangePage() throws Exception {
        assertProblem(get("/api/v1/qa/documents?size=0"), 400, "size");
        assertProblem(get("/api/v1/qa/documents?page=-1"), 400, "page");
        assertProblem(get("/api/v1/qa/documents?size=abc"), 400, "size");
    }

    @Test
    void shouldRejectAnUnsupportedMediaType() throws Exception {
        Reply r = send("POST", "/api/v1/qa/ask", "application/xml", "<q/>".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblem(Reply r, int status, String mentions) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).containsIgnoringCase(mentions);
        assertThat(Collections.singleton(r.json().has("title"))).containsOnly(true);
    }
}
