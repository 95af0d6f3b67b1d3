package dev.aigc.gateway.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/** Request size limits, and no way through the gateway to a service's actuator. */
class RequestLimitsTest extends GatewayTestSupport {

    @Test
    void shouldRefuseABodyOverTheLimitWith413BeforeAnyServiceSeesIt() {
        byte[] big = new byte[64 * 1024 + 1];
        client.post().uri("/api/v1/classifications").header(API_KEY, USER_KEY)
                .contentType(MediaType.IMAGE_PNG).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("The request body has 65537 bytes; the gateway accepts at most 65536.");
        assertThat(StubServices.CLASSIFIER.requests()).isEmpty();
    }

    @Test
    void shouldAcceptABodyAtTheLimit() {
        client.post().uri("/api/v1/classifications").contentType(MediaType.IMAGE_PNG)
                .bodyValue(new byte[64 * 1024]).exchange()
                .expectStatus().isOk();
        assertThat(StubServices.CLASSIFIER.requests().get(0).getBodySize()).isEqualTo(64 * 1024);
    }

    @Test
    void shouldRefuseAChunkedBodyOfUndeclaredSizeWith411() throws Exception {
        String response = raw("POST /api/v1/classifications HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 411").contains("application/problem+json")
                .contains("Request bodies must declare their size in Content-Length");
        assertThat(StubServices.CLASSIFIER.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/classifier/../../actuator/health",
            "/api/v1/classifier/%2e%2e/%2e%2e/actuator/env",
            "/api/v1/classifier/..%2f..%2factuator/env",
            "/api/v1/career/..;/..;/actuator/env",
            "/api/v1/gan//../actuator/heapdump",
    })
    void shouldNotLetAPathClimbOutOfARouteToAServicesActuator(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }

    @Test
    void shouldAnswerActuatorPathsFromTheGatewayItselfNeverFromAService() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/actuator/health", "/actuator/env", "/actuator/heapdump"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header(API_KEY, ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).doesNotContain("\"service\":");
        }
        assertThat(StubServices.ALL.stream().flatMap(stub -> stub.requests().stream()))
                .allSatisfy(request -> assertThat(request.getPath()).doesNotStartWith("/actuator"));
    }

    /** Sends {@code request} exactly as written (no client normalises the path) and returns the raw answer. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
