package dev.aigc.career.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hostile inputs of the fuzz run (issue 18) on a real Tomcat, where undecodable query text is really parsed:
 * every answer a 400 problem in the client's terms, none naming a Java type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/career/roles?b=%ff", "/api/v1/career/roles?lang=%ff",
            "/api/v1/career/questionnaires/current?x=%C3%28", "/api/v1/career/roles/ml-engineer?lang=%e4%b8",
            "/api/v1/career/questionnaires/v1?%ff=1"})
    void shouldAnswerUndecodableQueryTextWith400(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, "percent-encoded UTF-8");
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                Arguments.of("[1]", "The request body must be an object (got an array)"),
                Arguments.of("{\"answers\": [1, 2]}", "'answers' must be an object (got an array)"),
                Arguments.of("{\"answers\": {\"x\": \"y\"}}", "'answers.x' must be an integer, got 'y'"),
                Arguments.of("{\"answers\": {\"x\": 4.5}}", "'answers.x' must be an integer"),
                Arguments.of("{\"answers\": {\"x\": NaN}}", "NaN and Infinity are not JSON numbers"),
                Arguments.of("{\"background\": []}", "'background' must be an object (got an array)"),
                Arguments.of("\"x\"", "The request body must be an object"));
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void shouldSayWhatIsWrongWithAnAssessmentWithoutJavaTypes(String body, String says) throws Exception {
        for (String path : new String[] {"/api/v1/career/assessments", "/api/v1/career/recommendations"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(r, says);
        }
    }

    private static void assertProblem(HttpResponse<String> r, String says) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains(says).doesNotContain("dev.aigc", "java.", "JsonReadFeature", "JsonToken",
                "LinkedHashMap", "Exception");
    }
}
