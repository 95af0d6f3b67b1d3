package dev.aigc.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile inputs of the fuzz run (scripts/fuzz.py) against a real Tomcat with only serving-support's wiring:
 * each is a 4xx problem document that says what was wrong in the client's terms, never a 500, and never names a Java
 * type, a Jackson feature or a method.
 */
@SpringBootTest(classes = HostileInputTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    /** What must never appear in a problem: qualified Java names, Jackson's feature and constraint names. */
    static final Pattern INTERNALS = Pattern.compile("\\b(?:java|dev\\.aigc|tools\\.jackson|org\\.springframework"
            + "|org\\.apache)\\.\\w|JsonReadFeature|StreamReadConstraints|DeserializationFeature|JsonToken"
            + "|LinkedHashMap|Exception\\b|public \\w");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest
    @ValueSource(strings = {"b=%ff", "lang=%ff", "x=%C3%28", "lang=%e4%b8", "lang=%c0%ae", "%ff=1", "="})
    void shouldAnswerUndecodableQueryTextWith400(String query) throws Exception {
        HttpResponse<String> r = get("/hostile/lang?" + query);
        JsonNode problem = problem(r, 400);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid query string");
        assertThat(problem.get("detail").asString()).containsAnyOf("percent-encoded UTF-8", "without a name");
    }

    @Test
    void shouldNameTheParameterWhoseTextIsNotUtf8() throws Exception {
        assertThat(problem(get("/hostile/lang?lang=%ff"), 400).get("detail").asString())
                .contains("'lang'", "percent-encoded UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/hostile/%ff%fe", "/hostile/%c0%ae%c0%ae/x", "/hostile/a%2fb", "/hostile/%00"})
    void shouldAnswerPathsTomcatRefusesWithAProblemRatherThanItsHtmlPage(String path) throws Exception {
        String response;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"status\":400").doesNotContain("<html");
    }

    @Test
    void shouldAcceptTheRequestHeadsTheGatewayLetsThrough() throws Exception {
        // up to a 4 KB URL and 8 KB of headers pass the gateway; Tomcat's default 8 KB head would refuse them
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/hostile/lang?lang=" + "a".repeat(4000)))
                .header("X-Big", "h".repeat(8000)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerMultipartWithoutBoundaryWith400() throws Exception {
        HttpResponse<String> r = send("POST", "/hostile/upload", "multipart/form-data", "--x\r\n");
        assertThat(problem(r, 400).get("detail").asString()).contains("boundary");
        HttpResponse<String> garbage = send("POST", "/hostile/upload", "multipart/form-data; boundary=abc", "garbage");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertNoInternals(garbage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "text/*"})
    void shouldAnswerAWildcardContentTypeWith415(String contentType) throws Exception {
        assertThat(problem(send("POST", "/hostile/items", contentType, "{}"), 415).get("detail").asString())
                .contains("wildcard");
    }

    @Test
    void shouldRefuseFractionsForIntegerFields() throws Exception {
        JsonNode problem = problem(post("/hostile/items", "{\"count\": 4.5, \"name\": \"a\"}"), 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("count");
        assertThat(problem.get("detail").asString()).contains("'count' must be an integer");
        problem(post("/hostile/items", "{\"count\": 1e39, \"name\": \"a\"}"), 400);
    }

    @Test
    void shouldSayWhatWasWrongWithoutJavaTypesOrJacksonFeatures() throws Exception {
        assertThat(problem(post("/hostile/items", "[1]"), 400).get("detail").asString())
                .isEqualTo("The request body must be an object (got an array)");
        assertThat(problem(post("/hostile/map", "{\"answers\": [1, 2]}"), 400).get("detail").asString())
                .contains("'answers' must be an object (got an array)");
        assertThat(problem(post("/hostile/items", "{\"count\": NaN}"), 400).get("detail").asString())
                .contains("NaN and Infinity are not JSON numbers");
        assertThat(problem(post("/hostile/items", "{\"count\": " + "9".repeat(2000) + "}"), 400)
                .get("detail").asString()).contains("exceeds the maximum");
        assertThat(problem(post("/hostile/items", "{\"count\": [4]}"), 400).get("detail").asString())
                .contains("'count' must be an integer (got an array)");
        assertThat(problem(post("/hostile/items", "{\"kind\": \"gif\"}"), 400).get("detail").asString())
                .contains("'kind' must be one of [png, pixels], got 'gif'");
        assertThat(problem(post("/hostile/items", ""), 400).get("detail").asString())
                .isEqualTo("Required request body is missing");
    }

    @Test
    void shouldListAtMostTwentyViolationsAndCountTheRest() throws Exception {
        String items = IntStream.range(0, 500).mapToObj(i -> "{\"count\": 99}").collect(Collectors.joining(","));
        HttpResponse<String> r = post("/hostile/batch", "{\"items\": [" + items + "]}");
        JsonNode problem = problem(r, 400);
        assertThat(problem.get("errors").size()).isEqualTo(ProblemDetailsAdvice.MAX_LISTED);
        assertThat(problem.get("errorCount").asInt()).isEqualTo(1000); // count and name of each item
        assertThat(problem.get("detail").asString()).contains("and 995 more");
        assertThat(r.body().length()).isLessThan(4_000);
    }

    @Test
    void shouldAnswerContainerErrorsAndUnacceptableAcceptHeadersWithProblems() throws Exception {
        problem(send("TRACE", "/hostile/lang", null, null), 405);
        HttpResponse<String> gif = http.send(HttpRequest.newBuilder(uri("/hostile/items"))
                .header("Content-Type", "application/json").header("Accept", "image/gif")
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\": 0}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(problem(gif, 400).get("detail").asString()).contains("'count'");
        problem(get("/hostile/nowhere"), 404);
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertNoInternals(response);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("requestId").asString()).isNotBlank();
        return body;
    }

    private static void assertNoInternals(HttpResponse<String> response) {
        assertThat(INTERNALS.matcher(response.body()).find()).as("internals in " + response.body()).isFalse();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, "application/json", json);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    enum Kind {
        @com.fasterxml.jackson.annotation.JsonProperty("png") PNG,
        @com.fasterxml.jackson.annotation.JsonProperty("pixels") PIXELS
    }

    record Item(@Min(1) @Max(10) Integer count, @NotNull String name, Kind kind) {
    }

    record Batch(@Valid List<Item> items) {
    }

    record Answers(Map<String, Integer> answers) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class App {
    }

    @RestController
    static class Endpoints {

        @GetMapping("/hostile/lang")
        String lang(@RequestParam(required = false) String lang) {
            return String.valueOf(lang);
        }

        @PostMapping("/hostile/upload")
        long upload(@RequestPart("image") MultipartFile image) {
            return image.getSize();
        }

        @PostMapping("/hostile/items")
        Item item(@Valid @RequestBody Item item) {
            return item;
        }

        @PostMapping("/hostile/map")
        Answers map(@RequestBody Answers answers) {
            return answers;
        }

        @PostMapping("/hostile/batch")
        int batch(@Valid @RequestBody Batch batch) {
            return batch.items().size();
        }
    }
}
