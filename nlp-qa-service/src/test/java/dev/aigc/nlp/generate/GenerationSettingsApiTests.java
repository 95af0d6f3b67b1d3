package dev.aigc.nlp.generate;

import dev.aigc.nlp.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stop sequences, the repetition penalty and their bad values, through the API of the active version. */
class GenerationSettingsApiTests extends ServiceTestSupport {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("prompt", "春天", "topP", 1.5), "topP"),
                Arguments.of(Map.of("prompt", "春天", "repetitionPenalty", 0.5), "repetitionPenalty"),
                Arguments.of(Map.of("prompt", "春天", "repetitionPenalty", 4), "repetitionPenalty"),
                Arguments.of(Map.of("prompt", "春天", "stop", List.of("a", "b", "c", "d", "e")), "stop"),
                Arguments.of(Map.of("prompt", "春天", "stop", List.of("")), "stop"),
                Arguments.of(Map.of("prompt", "春天", "stop", List.of("长".repeat(21))), "stop"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badSettings")
    void shouldRejectABadSettingWithAProblemDetail(Map<String, Object> body, String field) throws Exception {
        for (String path : List.of("/api/v1/nlp/generations", "/api/v1/nlp/generations/stream")) {
            Reply r = post(path, json(body));
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).contains(field);
        }
    }

    @Test
    void shouldEndBeforeTheFirstStopSequenceAndSayWhy() throws Exception {
        Map<String, Object> base = Map.of("prompt", "安装软件包之前，", "maxTokens", 80, "seed", 11);
        JsonNode free = post("/api/v1/nlp/generations", json(base)).json();
        String text = free.get("text").asString();
        assertThat(free.get("finishReason").asString()).isEqualTo("length");
        String stop = text.substring(5, 7);
        int cut = text.indexOf(stop);

        JsonNode stopped = post("/api/v1/nlp/generations", json(with(base, "stop", List.of(stop, "不会出现的序列"))))
                .json();

        assertThat(stopped.get("text").asString()).isEqualTo(text.substring(0, cut));
        assertThat(stopped.get("finishReason").asString()).isEqualTo("stop");
        assertThat(stopped.get("repetitionPenalty").asDouble()).isEqualTo(GenerationRequest.DEFAULT_REPETITION_PENALTY);
    }

    @Test
    void shouldGiveADifferentTextWithoutTheRepetitionPenalty() throws Exception {
        Map<String, Object> base = Map.of("prompt", "这个命令的作用是", "maxTokens", 60, "seed", 3);
        String penalised = post("/api/v1/nlp/generations", json(base)).json().get("text").asString();
        JsonNode off = post("/api/v1/nlp/generations", json(with(base, "repetitionPenalty", 1.0))).json();
        assertThat(off.get("repetitionPenalty").asDouble()).isEqualTo(1.0);
        assertThat(off.get("text").asString()).hasSize(60).isNotEqualTo(penalised);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
