package dev.aigc.classifier.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aigc.serving.image.MnistPng;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Base64;
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
 * @param preprocessed only when asked for ({@code preprocessed=true}): the 28 × 28 input the model saw after
 *                     preprocessing, as a Base64 PNG (8-bit gray, white ink on black, like MNIST)
 */
public record ClassificationResponse(
        @Schema(example = "7") int digit,
        @Schema(example = "0.9993") double probability,
        List<Prediction> top,
        @Schema(example = "1.1-ensemble") String modelVersion,
        @Schema(example = "true") boolean ensemble,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Base64 PNG of the 28 × 28 model input; only with preprocessed=true")
        String preprocessed) {

    /** One digit and its probability. */
    public record Prediction(int digit, double probability) {
    }

    static ClassificationResponse of(Scores scores, int k) {
        return of(scores, k, null);
    }

    /** With {@code input} (the 784 floats the model took) rendered as a PNG, or without when it is null. */
    static ClassificationResponse of(Scores scores, int k, float[] input) {
        List<Prediction> all = new ArrayList<>(10);
        float[] p = scores.probabilities();
        for (int digit = 0; digit < p.length; digit++) {
            all.add(new Prediction(digit, round(p[digit])));
        }
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed()
                .thenComparingInt(Prediction::digit));
        List<Prediction> top = List.copyOf(all.subList(0, k));
        return new ClassificationResponse(top.get(0).digit(), top.get(0).probability(), top, scores.modelVersion(),
                scores.ensemble(), input == null ? null : Base64.getEncoder().encodeToString(MnistPng.digit(input)));
    }

    private static double round(float value) {
        return Math.round(value * 1_000_000.0) / 1_000_000.0;
    }
}
