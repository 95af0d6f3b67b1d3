package dev.aigc.classifier.classify;

/** The probabilities of the ten digits for one image, and which model version produced them. */
public record Scores(float[] probabilities, String modelVersion, boolean ensemble) {
}
