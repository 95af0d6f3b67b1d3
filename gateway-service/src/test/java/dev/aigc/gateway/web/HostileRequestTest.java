package dev.aigc.gateway.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no service could answer sensibly, answered by the gateway itself with a problem document and never
 * passed on: undecodable path escapes, over-long URLs, over-large headers.
 */
class HostileRequestTest extends GatewayTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/career/roles/%ff%fe", "/api/v1/career/roles/%c0%ae%c0%ae",
            "/api/v1/qa/documents/%e4%b8", "/api/v1/classifier/models/%zz", "/api/v1/career/roles/%u0041",
            "/api/v1/career/roles/%"})
    void shouldRefuseUndecodablePathEscapesWith400(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("UTF-8 bytes").contains("\"requestId\"").doesNotContain("<html");
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }

    @Test
    void shouldAnswerARequestNettyCannotDecodeWithAProblem() throws Exception {
        String response = raw("POST /api/v1/gan/generations HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/json\r\nContent-Length: -1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("could not be parsed as HTTP/1.1");
        String huge = raw("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(huge).startsWith("HTTP/1.1 414").contains("application/problem+json");
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }

    @Test
    void shouldPassValidUtf8EscapesOn() throws Exception {
        String response = raw("GET /api/v1/career/roles/%E4%B8%AD HTTP/1.1\r\nHost: localhost\r\nConnection: close"
                + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(StubServices.CAREER.requests()).hasSize(1);
    }

    @Test
    void shouldAnswerAnOverlongUrlWith414AndAProblem() throws Exception {
        String response = raw("GET /api/v1/career/roles?lang=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost"
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 414").contains("application/problem+json")
                .contains("the gateway accepts at most 4096");
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }

    @Test
    void shouldAnswerOverlargeHeadersWith431AndAProblem() throws Exception {
        String response = raw("GET /api/v1/career/roles HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 431").contains("application/problem+json")
                .contains("the gateway accepts at most 8192");
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }

    @Test
    void shouldAcceptAUrlAtTheLimit() throws Exception {
        String path = "/api/v1/career/roles?lang=";
        String response = raw("GET " + path + "a".repeat(4096 - path.length()) + " HTTP/1.1\r\nHost: localhost"
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
    }

    @Test
    void shouldRecogniseEncodingProblems() {
        assertThat(RequestLineFilter.encodingProblem("/a/b")).isNull();
        assertThat(RequestLineFilter.encodingProblem("/a/%E4%B8%AD%20b")).isNull();
        assertThat(RequestLineFilter.encodingProblem("/a/%ff")).contains("not valid UTF-8");
        assertThat(RequestLineFilter.encodingProblem("/a/%c0%ae")).contains("not valid UTF-8"); // overlong '.'
        assertThat(RequestLineFilter.encodingProblem("/a/%e4%b8")).contains("not valid UTF-8"); // truncated
        assertThat(RequestLineFilter.encodingProblem("/a/%g0")).contains("does not start");
        assertThat(RequestLineFilter.encodingProblem("/a/%4")).contains("does not start");
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
