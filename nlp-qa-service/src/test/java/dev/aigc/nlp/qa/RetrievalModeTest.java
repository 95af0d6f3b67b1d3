package dev.aigc.nlp.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class RetrievalModeTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"hybrid", "HYBRID", "Hybrid"})
    void shouldReadTheModeInAnyCase(String mode) {
        AskRequest request = json.readValue("{\"question\": \"什么是GAN？\", \"mode\": \"" + mode + "\"}",
                AskRequest.class);

        assertThat(request.mode()).isEqualTo(RetrievalMode.HYBRID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bm25", "BM25", "dense", "DENSE"})
    void shouldReadEveryMode(String mode) {
        AskRequest request = json.readValue("{\"question\": \"q\", \"mode\": \"" + mode + "\"}", AskRequest.class);

        assertThat(request.mode().name()).isEqualToIgnoringCase(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"magic", "hybrid-bm25"})
    void shouldRejectAnUnknownMode(String mode) {
        assertThatThrownBy(() -> json.readValue("{\"question\": \"q\", \"mode\": \"" + mode + "\"}", AskRequest.class))
                .isInstanceOf(DatabindException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BM25", "DENSE", "HYBRID"})
    void shouldWriteTheModeInLowerCaseAsResponsesReportIt(String mode) {
        assertThat(json.writeValueAsString(RetrievalMode.valueOf(mode))).isEqualTo("\"" + mode.toLowerCase() + "\"");
    }
}
