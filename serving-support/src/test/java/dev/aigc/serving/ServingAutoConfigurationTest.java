package dev.aigc.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.testing.OpenApiExamples;
import dev.aigc.serving.web.RequestIds;

/**
 * A real servlet application (Tomcat on a random port) that only depends on serving-support: checks that the
 * auto-configuration installs the request id filter, the ProblemDetail advice and the {@code models} readiness
 * indicator without any wiring in the application.
 */
@SpringBootTest(classes = ServingAutoConfigurationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=demo-service",
                // overrides the shared default (health,info,prometheus,metrics)
                "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.probes.enabled=true",
                "management.endpoint.health.group.readiness.include=readinessState,models",
                "management.endpoint.health.group.readiness.show-details=always",
                "spring.servlet.multipart.max-file-size=1KB",
                "spring.servlet.multipart.max-request-size=2KB"})
@ExtendWith(OutputCaptureExtension.class)
class ServingAutoConfigurationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void shouldAnswerUnknownPathsWithAProblemDetailCarryingTheRequestId() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/no/such/thing"))
                .header(RequestIds.HEADER, "it-404").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue(RequestIds.HEADER)).contains("it-404");
        assertThat(response.body()).contains("\"requestId\":\"it-404\"").contains("/no/such/thing");
    }

    @Test
    void shouldAnswerOversizedUploadsWith413() throws Exception {
        String boundary = "----boundary42";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[1500]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"title\":\"Upload too large\"").contains("requestId");
    }

    @Test
    void shouldReportLoadedModelsInReadiness() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"models\"").contains("\"active\":\"v2\"").contains("\"UP\"");
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(
                id -> assertThat(RequestIds.isValid(id)).isTrue());
    }

    @Test
    void shouldPutTheServiceNameAndTheRequestIdIntoLogLinesOnce(CapturedOutput output) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/logged"))
                .header(RequestIds.HEADER, "log-once-42").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(output.getOut().lines().filter(line -> line.contains(UploadController.LOGGED)))
                .singleElement()
                .satisfies(line -> assertThat(occurrences(line, "log-once-42")).as(line).isEqualTo(1))
                .satisfies(line -> assertThat(occurrences(line, "demo-service")).as(line).isEqualTo(1));
    }

    @Test
    void shouldServeTheSharedDefaultsBelowTheApplicationsOwnSettings() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("20s");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("demo-service");
        assertThat(environment.getProperty("springdoc.api-docs.path")).isEqualTo("/v3/api-docs");
        assertThat(environment.getProperty("springdoc.default-produces-media-type")).isEqualTo("application/json");
        assertThat(environment.getProperty("logging.pattern.level")).isNull();
        // the application's own value wins over the shared one
        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
    }

    @Test
    void shouldDocumentProblemDetailErrorsOnEveryOperation() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        OpenApiExamples document = OpenApiExamples.of(response.body());
        assertThat(document.conventionProblems()).containsExactlyInAnyOrder(
                "info.title is springdoc's placeholder", "info.description is missing",
                "GET /logged has the undeclared tag 'upload-controller'",
                "POST /upload has the undeclared tag 'upload-controller'");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A model whose weights are a line of text. */
    record TextWeights(String text) implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(UploadController.class)
    static class App {

        @Bean(initMethod = "start")
        ModelRegistry<TextWeights> demoModels() {
            return new ModelRegistry<>("demo", "classpath:models/demo",
                    (dir, card) -> new TextWeights(Files.readString(dir.resolve("weights.txt"))), null);
        }
    }

    @RestController
    static class UploadController {

        static final String LOGGED = "handling the logged request";
        private static final Logger log = LoggerFactory.getLogger(UploadController.class);

        @GetMapping("/logged")
        String logged() {
            log.info(LOGGED);
            return "ok";
        }

        @PostMapping("/upload")
        long upload(@RequestPart("file") MultipartFile file) {
            return file.getSize();
        }
    }
}
