package dev.aigc.classifier.classify;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answer for one image.
 *
 * @param digit        the most probable digit
 * @param probability  its probability
 * @param top          the {@code k} most probable digits, most probable first
 * @param modelVersion the model version that answered
 * @param ensemble     whether that version is an ensemble of networks
 */
public record ClassificationResponse(
        @Schema(example = "7") int digit,
        @Schema(example = "0.9993") double probability,
        List<Prediction> top,
        @Schema(example = "1.1-ensemble") String modelVersion,
        @Schema(example = "true") boolean ensemble) {

    /** One digit and its probability. */
    public record Prediction(int digit, double probability) {
    }

    static ClassificationResponse of(Scores scores, int k) {
        List<Prediction> all = new ArrayList<>(10);
        float[] p = scores.probabilities();
        for (int digit = 0; digit < p.length; digit++) {
            all.add(new Prediction(digit, round(p[digit])));
        }
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed()
                .thenComparingInt(Prediction::digit));
        List<Prediction> top = List.copyOf(all.subList(0, k));
        return new ClassificationResponse(top.get(0).digit(), top.get(0).probability(), top, scores.modelVersion(),
                scores.ensemble());
    }

    private static double round(float value) {
        return Math.round(value * 1_000_000.0) / 1_000_000.0;
    }
}
