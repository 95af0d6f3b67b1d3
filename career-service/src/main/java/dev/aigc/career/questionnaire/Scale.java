package dev.aigc.career.questionnaire;

import java.util.List;

import dev.aigc.career.text.Text;

/** The answer scale (1–5) and its labels. */
public record Scale(int min, int max, List<Label> labels) {

    public record Label(int value, Text text) {
    }

    /** The reverse key: on 1–5 this is {@code 6 - answer}. */
    public int reverse(int answer) {
        return min + max - answer;
    }

    public int neutral() {
        return (min + max) / 2;
    }

    /** A keyed mean on this scale as 0–100. */
    public double toPercent(double keyedMean) {
        return (keyedMean - min) / (max - min) * 100.0;
    }

    public boolean contains(int answer) {
        return answer >= min && answer <= max;
    }
}
