package dev.aigc.career.questionnaire;

import dev.aigc.career.text.Text;

/** One text per band, e.g. the plain-language interpretation of a dimension score. */
public record BandTexts(Text low, Text medium, Text high) {

    public Text of(Band band) {
        return switch (band) {
            case LOW -> low;
            case MEDIUM -> medium;
            case HIGH -> high;
        };
    }
}
