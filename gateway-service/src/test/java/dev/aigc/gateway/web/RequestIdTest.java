package dev.aigc.gateway.web;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends GatewayTestSupport {

    @Test
    void shouldPassTheCallersIdToTheServiceAndBack() {
        client.get().uri("/api/v1/career/roles").header("X-Request-Id", "trace-42.a_b").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "trace-42.a_b");
        RecordedRequest received = StubServices.CAREER.requests().get(0);
        assertThat(received.getHeaders().values("X-Request-Id")).containsExactly("trace-42.a_b");
    }

    @Test
    void shouldGenerateAnIdWhenNoneOrAMalformedOneIsSent() {
        for (String sent : new String[] {null, "has spaces and\ttabs", "x".repeat(65), "forged\u2028line"}) {
            StubServices.resetAll();
            var request = client.get().uri("/api/v1/career/roles");
            if (sent != null) {
                request = request.header("X-Request-Id", sent);
            }
            String returned = request.exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
            assertThat(returned).matches("[0-9a-f]{32}");
            assertThat(StubServices.CAREER.requests().get(0).getHeader("X-Request-Id")).isEqualTo(returned);
        }
    }

    @Test
    void shouldPutTheIdIntoTheGatewaysProblemDocuments() {
        client.get().uri("/api/v1/nowhere").header("X-Request-Id", "problem-7").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Request-Id", "problem-7")
                .expectBody().jsonPath("$.requestId").isEqualTo("problem-7");
    }

    @Test
    void shouldWriteTheIdIntoLogLinesFromInsideTheReactiveChain(CapturedOutput output) {
        client.get().uri("/api/v1/gan/models").header("X-Request-Id", "log-line-check-1").exchange()
                .expectStatus().isOk();
        await().untilAsserted(() -> {
            // written by the rate limiter's key resolver on a Netty thread, after asynchronous steps
            assertThat(output.getOut()).containsPattern(
                    "\\[log-line-check-1\\] .*ClientKeyResolver\\s+: Rate limit bucket of ip-");
            // and the access line written when the exchange completed
            assertThat(output.getOut()).containsPattern(
                    "\\[log-line-check-1\\] .*dev\\.aigc\\.gateway\\.access\\s+: GET /api/v1/gan/models -> 200");
        });
    }
}
