package dev.aigc.career.assessment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Dimension scores on 0–100, in the questionnaire's dimension order: the input to role matching. */
public record Scores(Map<String, Double> values) {

    public Scores {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double of(String dimension) {
        Double value = values.get(dimension);
        if (value == null) {
            throw new IllegalArgumentException("no score for dimension " + dimension);
        }
        return value;
    }

    /** A copy with one dimension set to {@code value}, clamped to 0–100. */
    public Scores with(String dimension, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(dimension, Math.max(0.0, Math.min(100.0, value)));
        return new Scores(copy);
    }
}
