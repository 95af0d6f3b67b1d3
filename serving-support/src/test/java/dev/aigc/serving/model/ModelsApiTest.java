package dev.aigc.serving.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared models API as a service gets it: only {@code serving.models.api.*} configured, a registry on the shared
 * store seeded from the classpath, real HTTP.
 */
@SpringBootTest(classes = ModelsApiTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"serving.models.api.base-path=/api/v1/demo/models", "serving.models.api.tag=Demo models",
                "serving.models.api.description=The demo's versions",
                "management.endpoint.health.group.readiness.include=readinessState,models",
                "management.endpoint.health.group.readiness.show-details=always"})
class ModelsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path STORE;

    static {
        try {
            STORE = Files.createTempDirectory("models-api-store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("serving.model-store.dir", STORE::toString);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void shouldListEveryVersionWithItsCardAndTheActiveOne() throws Exception {
        JsonNode models = json(send("GET", "/api/v1/demo/models", 200));

        assertThat(models.get("active").asString()).isEqualTo("v2");
        assertThat(models.get("versions")).hasSize(2);
        JsonNode first = models.get("versions").get(0);
        assertThat(first.get("version").asString()).isEqualTo("v1");
        assertThat(first.get("active").asBoolean()).isFalse();
        assertThat(first.get("card").get("name").asString()).isEqualTo("demo");
        assertThat(models.get("versions").get(1).get("active").asBoolean()).isTrue();
        assertThat(STORE.resolve("demo/v1/weights.txt")).as("seeded into the store").exists();
    }

    @Test
    void shouldShowOneVersionAndNameTheAvailableOnesForAnUnknownOne() throws Exception {
        JsonNode one = json(send("GET", "/api/v1/demo/models/v1", 200));
        assertThat(one.get("version").asString()).isEqualTo("v1");
        assertThat(one.get("card").get("version").asString()).isEqualTo("v1");

        JsonNode problem = json(send("GET", "/api/v1/demo/models/v7", 404));
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains("'v7'").contains("[v1, v2]");
        assertThat(json(send("POST", "/api/v1/demo/models/v7/activate", 404)).get("detail").asString())
                .contains("available: [v1, v2]");
    }

    @Test
    void shouldActivateAVersionAndRecordItInTheStore() throws Exception {
        JsonNode activated = json(send("POST", "/api/v1/demo/models/v1/activate", 200));
        assertThat(activated.get("version").asString()).isEqualTo("v1");
        assertThat(activated.get("active").asBoolean()).isTrue();
        assertThat(new ModelStore(STORE.resolve("demo")).recordedActive()).get()
                .extracting(ModelStore.ActiveVersion::version).isEqualTo("v1");
        JsonNode readiness = json(send("GET", "/actuator/health/readiness", 200));
        JsonNode demo = readiness.get("components").get("models").get("details").get("demo");
        assertThat(demo.get("active").asString()).isEqualTo("v1");
        assertThat(demo.get("recorded").asString()).isEqualTo("v1");

        send("POST", "/api/v1/demo/models/v2/activate", 200);
        assertThat(json(send("GET", "/api/v1/demo/models", 200)).get("active").asString()).isEqualTo("v2");
    }

    @Test
    void shouldDocumentTheOperationsUnderTheServicesTag() throws Exception {
        JsonNode doc = json(send("GET", "/v3/api-docs", 200));

        JsonNode list = doc.get("paths").get("/api/v1/demo/models").get("get");
        assertThat(list.get("operationId").asString()).isEqualTo("listModels");
        assertThat(list.get("tags").get(0).asString()).isEqualTo("Demo models");
        JsonNode activate = doc.get("paths").get("/api/v1/demo/models/{version}/activate").get("post");
        assertThat(activate.get("operationId").asString()).isEqualTo("activateModel");
        assertThat(activate.get("parameters").get(0).get("example").asString()).isIn("v1", "v2");
        assertThat(doc.get("paths").get("/api/v1/demo/models/{version}").get("get").get("operationId").asString())
                .isEqualTo("getModel");
        assertThat(doc.get("tags").toString()).contains("Demo models").contains("The demo's versions");
    }

    private HttpResponse<String> send(String method, String path, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean(initMethod = "start", destroyMethod = "close")
        ModelRegistry<AutoCloseable> demoModels(ModelStores stores) {
            String location = stores.location("demo", "classpath:models/demo");
            return new ModelRegistry<>("demo", location, (dir, card) -> () -> { }, null);
        }
    }
}
