package dev.aigc.gateway.resilience;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/** Server-Sent Events from the generation stream reach the client as they are produced, not all at the end. */
class StreamingTest extends GatewayTestSupport {

    private static final int EVENTS = 5;
    private static final long GAP_MILLIS = 400;

    @Test
    void shouldPassEachGeneratedEventOnAsSoonAsTheServiceSendsIt() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            body.append("data: 字").append(i).append("\n\n");   // 12 bytes per event
        }
        int eventBytes = body.toString().getBytes(StandardCharsets.UTF_8).length / EVENTS;
        int chunkFrame = Integer.toHexString(eventBytes).length() + 2 + eventBytes + 2; // size line, data, CRLF
        StubServices.NLP_QA.script("POST", "/api/v1/nlp/generations/stream", new MockResponse()
                .setHeader("Content-Type", "text/event-stream;charset=UTF-8")
                .setHeader("Cache-Control", "no-cache")
                .setChunkedBody(body.toString(), eventBytes)
                .throttleBody(chunkFrame, GAP_MILLIS, TimeUnit.MILLISECONDS)); // one event per gap

        long start = System.nanoTime();
        List<Long> arrivals = new ArrayList<>();
        List<String> data = WebClient.create(baseUrl()).post().uri("/api/v1/nlp/generations/stream")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue("{\"prompt\":\"今天天气很好。\",\"maxTokens\":5}")
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .doOnNext(event -> arrivals.add((System.nanoTime() - start) / 1_000_000))
                .map(ServerSentEvent::data)
                .collectList()
                .block(Duration.ofSeconds(15));

        assertThat(data).containsExactly("字0", "字1", "字2", "字3", "字4");
        // buffered, all five would arrive together after the last one was written (about 2 s in)
        long spread = arrivals.get(EVENTS - 1) - arrivals.get(0);
        assertThat(spread).as("ms between first and last event, arrivals %s", arrivals)
                .isGreaterThanOrEqualTo((EVENTS - 2) * GAP_MILLIS);
    }
}
