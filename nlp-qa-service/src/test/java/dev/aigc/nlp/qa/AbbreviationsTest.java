package dev.aigc.nlp.qa;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deriving abbreviations from the initials of consecutive words, and what counts as written as one. */
class AbbreviationsTest {

    @Test
    void shouldDeriveAbbreviationsFromTheInitialsOfConsecutiveWords() {
        Map<String, String> out = new HashMap<>();
        Abbreviations.addInitialisms("The gated recurrent unit (GRU) is lighter; byte-pair encoding splits words.", out);
        assertThat(out).containsEntry("GRU", "gated recurrent unit").containsEntry("BPE", "byte pair encoding");
        assertThat(out).as("a run stops at punctuation").doesNotContainKey("UG");
        assertThat(out).as("a run containing a stopword is skipped").doesNotContainKey("TGRU");
    }

    @Test
    void shouldRecogniseAbbreviationsAsQuestionsWriteThem() {
        assertThat(Abbreviations.abbreviation("RNNs")).contains("RNN");
        assertThat(Abbreviations.abbreviation("NLP")).contains("NLP");
        assertThat(Abbreviations.abbreviation("LoRA")).isEmpty();
        assertThat(Abbreviations.abbreviation("A")).isEmpty();
        assertThat(Abbreviations.abbreviation("TOOLONG")).isEmpty();
    }

    @Test
    void shouldReadTheFallbackTable() {
        assertThat(Abbreviations.readFallback()).containsKey("NLP");
        assertThat(Abbreviations.readFallback().get("NLP")).contains("自然语言处理");
    }
}
