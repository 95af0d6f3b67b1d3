package dev.aigc.nlp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Base of the tests that need the running service. Every subclass shares one Spring context (same configuration),
 * so the ONNX embedding model, the character LM and the seeded knowledge base load once per test JVM. The index
 * lives in a fresh directory under target/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"nlp.kb.index-dir=target/test-index/${random.uuid}", "nlp.embedding.threads=2"})
public abstract class ServiceTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected Reply post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    protected Reply send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Location").orElse(null));
    }

    protected Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    protected static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A response: status, body, content type and Location header. */
    protected record Reply(int status, String body, String contentType, String location) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
