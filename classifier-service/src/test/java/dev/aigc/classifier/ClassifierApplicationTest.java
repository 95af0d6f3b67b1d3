package dev.aigc.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a real port with the shipped weights: ready, recognising drawn digits through every input
 * form, and still answering after bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassifierApplicationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldBeReadyWithTheShippedEnsemble() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
        JsonNode models = JSON.readTree(get("/api/v1/classifier/models").body());
        assertThat(models.get("active").asString()).isEqualTo(ShippedModels.ENSEMBLE);
        assertThat(models.get("versions").get(0).get("card").get("name").asString()).isEqualTo("mnist");
    }

    @Test
    void shouldRecogniseDrawingsSentAsRawPngAndAsBase64Json() throws Exception {
        for (int digit = 0; digit <= 9; digit++) {
            byte[] png = DigitDrawings.draw(digit, "DejaVuSans-Bold.ttf", 300, 180, 0.45, 0.55, 6).png();
            HttpResponse<String> raw = post("/api/v1/classifications?k=3", "image/png",
                    HttpRequest.BodyPublishers.ofByteArray(png));
            assertThat(raw.statusCode()).isEqualTo(200);
            JsonNode answer = JSON.readTree(raw.body());
            assertThat(answer.get("digit").asInt()).as("raw %d", digit).isEqualTo(digit);
            assertThat(answer.get("ensemble").asBoolean()).isTrue();
            assertThat(answer.get("modelVersion").asString()).isEqualTo(ShippedModels.ENSEMBLE);
            assertThat(answer.get("top")).hasSize(3);
        }
        byte[] four = DigitDrawings.draw(4, "DejaVuSans.ttf", 90, 60, 0.5, 0.5, 2).png();
        HttpResponse<String> json = post("/api/v1/classifications", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"imageBase64\":\"" + Base64.getEncoder().encodeToString(four)
                        + "\"}"));
        assertThat(JSON.readTree(json.body()).get("digit").asInt()).isEqualTo(4);
    }

    @Test
    void shouldClassifyABatchInOrder() throws Exception {
        List<String> items = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            byte[] png = DigitDrawings.draw(digit, "DejaVuSansMono.ttf", 200, 150, 0.5, 0.5, 4).png();
            items.add("{\"imageBase64\":\"" + Base64.getEncoder().encodeToString(png) + "\"}");
        }
        HttpResponse<String> response = post("/api/v1/classifications/batch?k=1", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"items\":[" + String.join(",", items) + "]}"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        for (int digit = 0; digit <= 9; digit++) {
            assertThat(results.get(digit).get("digit").asInt()).isEqualTo(digit);
            assertThat(results.get(digit).get("top")).hasSize(1);
        }
    }

    @Test
    void shouldKeepAnsweringAfterBadInput() throws Exception {
        HttpResponse<String> garbage = post("/api/v1/classifications", "image/png",
                HttpRequest.BodyPublishers.ofString("not an image at all"));
        assertThat(garbage.statusCode()).isEqualTo(415);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        HttpResponse<String> bomb = post("/api/v1/classifications", "image/png",
                HttpRequest.BodyPublishers.ofByteArray(
                        dev.aigc.classifier.classify.ClassificationResourceTestSupport.pngHeader(50_000, 50_000)));
        assertThat(bomb.statusCode()).isEqualTo(413);
        HttpResponse<String> tooBig = post("/api/v1/classifications", "image/png",
                HttpRequest.BodyPublishers.ofByteArray(new byte[5 * 1024 * 1024 + 1]));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        byte[] two = DigitDrawings.draw(2, "DejaVuSans.ttf", 150, 100, 0.5, 0.5, 3).png();
        HttpResponse<String> good = post("/api/v1/classifications", "image/png",
                HttpRequest.BodyPublishers.ofByteArray(two));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(good.body()).get("digit").asInt()).isEqualTo(2);
    }

    /** The hostile inputs of the fuzz run: 4xx problems (or the v2 protocol's error shape), no Java internals. */
    @Test
    void shouldAnswerHostileInputWithout500sOrInternals() throws Exception {
        HttpResponse<String> noBoundary = post("/api/v1/classifications", "multipart/form-data",
                HttpRequest.BodyPublishers.ofString("--x\r\n"));
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(noBoundary.body()).contains("boundary");
        HttpResponse<String> badQuery = post("/api/v1/classifications?k=%ff", "image/png",
                HttpRequest.BodyPublishers.ofString("x"));
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(badQuery.body()).contains("percent-encoded UTF-8");
        HttpResponse<String> nullItem = post("/api/v1/classifications/batch", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"items\":[null]}"));
        assertThat(nullItem.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(nullItem.body()).get("errors").get(0).get("field").asString()).isEqualTo("items[0]");
        HttpResponse<String> fraction = post("/api/v1/classifications/batch?k=1.5", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"items\":[{\"imageBase64\":\"x\"}]}"));
        assertThat(fraction.statusCode()).isEqualTo(400);
        String zeros = String.join(",", java.util.Collections.nCopies(783, "0"));
        HttpResponse<String> overflow = post("/v2/models/mnist/infer", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"inputs\":[{\"name\":\"input\",\"shape\":[1,784],"
                        + "\"datatype\":\"FP32\",\"data\":[1e39," + zeros + "]}]}"));
        assertThat(overflow.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(overflow.body()).get("error").asString())
                .isEqualTo("input 'input' value at position 0 is 1.0E39; values must be in [0, 1] (MNIST layout)");
        for (String nulls : new String[] {"{\"inputs\":[null]}", "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,784],"
                + "\"datatype\":\"FP32\",\"data\":[0]}],\"outputs\":[null]}"}) {
            HttpResponse<String> r = post("/v2/models/mnist/infer", "application/json",
                    HttpRequest.BodyPublishers.ofString(nulls));
            assertThat(r.statusCode()).as(nulls).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asString()).contains("must not be null");
        }
        HttpResponse<String> wildcard = post("/api/v1/classifications", "*/*", HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(wildcard.statusCode()).isEqualTo(415);
        HttpResponse<String> empty = post("/v2/models/mnist/infer", "application/json",
                HttpRequest.BodyPublishers.noBody());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("error").asString())
                .isEqualTo("malformed request body: Required request body is missing");
        HttpResponse<String> wrongShape = post("/v2/models/mnist/infer", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"inputs\":[{\"name\":\"input\",\"shape\":[\"a\"]}]}"));
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(wrongShape.body()).contains("'inputs[0].shape[0]' must be an integer")
                .doesNotContain("java.").doesNotContain("dev.aigc");
        HttpResponse<String> array = post("/api/v1/classifications", "application/json",
                HttpRequest.BodyPublishers.ofString("[1]"));
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(array.body()).contains("The request body must be an object").doesNotContain("dev.aigc");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRecordBatcherMetrics() throws Exception {
        post("/api/v1/classifications", "image/png", HttpRequest.BodyPublishers.ofByteArray(
                DigitDrawings.draw(5, "DejaVuSans.ttf", 100, 70, 0.5, 0.5, 2).png()));
        HttpResponse<String> metric = get("/actuator/metrics/inference.batch.size");
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"batcher\"").contains("mnist");
    }

    @Test
    void shouldPublishOpenApiWithAnExampleThatWorks() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body());
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/classifications",
                "/api/v1/classifications/batch", "/api/v1/classifier/models", "/v2/models/{model}/infer");
        JsonNode example = api.get("components").get("schemas").get("ClassificationRequest").get("example");
        String body = example.isString() ? example.asString() : JSON.writeValueAsString(example);
        HttpResponse<String> answer = post("/api/v1/classifications", "application/json",
                HttpRequest.BodyPublishers.ofString(body));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("digit").asInt()).isEqualTo(7);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
