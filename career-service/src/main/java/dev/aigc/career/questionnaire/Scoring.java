package dev.aigc.career.questionnaire;

import java.util.List;

/** The published scoring key: reverse keying, band cut-offs, and which dimensions make up the tolerance index. */
public record Scoring(String reverseKey, Cutoffs bands, Tolerance tolerance) {

    /** The tolerance index is the mean of these dimension scores; its band texts describe the article's mapping. */
    public record Tolerance(List<String> dimensions, BandTexts bands) {
    }
}
