package dev.aigc.nlp.generate;

import dev.aigc.nlp.ServiceTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GenerationApiTests extends ServiceTestSupport {

    @Autowired
    MeterRegistry registry;

    @Test
    void shouldGenerateTheSameTextForTheSameSeed() throws Exception {
        String request = json(Map.of("prompt", "今天天气很好。", "maxTokens", 40, "temperature", 0.9, "topK", 20,
                "topP", 0.95, "seed", 7));
        JsonNode first = post("/api/v1/nlp/generations", request).json();
        JsonNode second = post("/api/v1/nlp/generations", request).json();
        assertThat(first.get("text").asString()).hasSize(40).isEqualTo(second.get("text").asString());
        assertThat(first.get("tokens").asInt()).isEqualTo(40);
        JsonNode other = post("/api/v1/nlp/generations", json(Map.of("prompt", "今天天气很好。", "maxTokens", 40,
                "temperature", 0.9, "seed", 8))).json();
        assertThat(other.get("text").asString()).isNotEqualTo(first.get("text").asString());
    }

    @Test
    void shouldStreamOneEventPerCharacterAsTheyAreProduced() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/nlp/generations/stream"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("prompt", "人工智能", "maxTokens", 30,
                        "seed", 3)))).build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> tokens = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        String done = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "token".equals(event)) {
                    tokens.add(JSON.readTree(line.substring(5)).get("text").asString());
                    arrivals.add(System.nanoTime());
                } else if (line.startsWith("data:") && "done".equals(event)) {
                    done = line.substring(5);
                }
            }
        }
        assertThat(tokens).hasSize(30).allSatisfy(t -> assertThat(t.codePointCount(0, t.length())).isEqualTo(1));
        assertThat(arrivals.get(arrivals.size() - 1)).as("events arrive one after another").isGreaterThan(arrivals.get(0));
        assertThat(done).contains("\"tokens\":30");
        String same = post("/api/v1/nlp/generations", json(Map.of("prompt", "人工智能", "maxTokens", 30, "seed", 3)))
                .json().get("text").asString();
        assertThat(String.join("", tokens)).isEqualTo(same);
    }

    @Test
    void shouldStopGeneratingWhenTheClientGoesAway() throws Exception {
        double before = cancelled();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/nlp/generations/stream"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("prompt", "春天", "maxTokens", 500, "seed", 1))))
                .build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(body.readNBytes(64)).hasSize(64);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cancelled() > before);
    }

    private double cancelled() {
        var counter = registry.find("nlp.generation.streams").tag("outcome", "cancelled").counter();
        return counter == null ? 0 : counter.count();
    }
}
