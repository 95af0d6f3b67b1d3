package dev.aigc.nlp.generate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextGeneratorStopTest {

    @Test
    void shouldFindTheEarliestStopSequence() {
        assertThat(TextGenerator.stopIndex("abcdef", List.of("ef", "cd"))).isEqualTo(2);
        assertThat(TextGenerator.stopIndex("abcdef", List.of("xy"))).isEqualTo(-1);
        assertThat(TextGenerator.stopIndex("abcdef", List.of())).isEqualTo(-1);
    }

    @Test
    void shouldHoldBackOnlyWhatCouldStillBecomeAStopSequence() {
        assertThat(TextGenerator.heldBack("今天天气很", List.of("很好。"))).isEqualTo(1);
        assertThat(TextGenerator.heldBack("今天天气很好", List.of("很好。"))).isEqualTo(2);
        assertThat(TextGenerator.heldBack("今天天气", List.of("很好。", "气候"))).isEqualTo(1);
        assertThat(TextGenerator.heldBack("今天天气", List.of("。"))).isZero();
    }
}
