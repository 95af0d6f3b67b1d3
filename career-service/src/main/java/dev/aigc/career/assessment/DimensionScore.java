package dev.aigc.career.assessment;

import dev.aigc.career.questionnaire.Band;

/**
 * One dimension's result.
 *
 * @param keyedMean mean of the keyed answers (reverse-keyed items already turned around), on the 1–5 scale
 * @param score     the keyed mean rescaled to 0–100
 */
public record DimensionScore(String dimension, double keyedMean, double score, Band band) {
}
