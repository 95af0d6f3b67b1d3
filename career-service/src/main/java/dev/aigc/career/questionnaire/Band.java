package dev.aigc.career.questionnaire;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Low, medium or high on a 0–100 score, by the questionnaire's published cut-offs. */
public enum Band {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
