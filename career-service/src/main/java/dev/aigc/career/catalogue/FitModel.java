package dev.aigc.career.catalogue;

import java.util.List;
import java.util.Map;

/**
 * How role fit is computed, published with every recommendation.
 *
 * @param weights            weight of each fit component in the total (sum 1)
 * @param dimensionWeights   weight of each dimension inside the tolerance match
 * @param atLeastDimensions  dimensions where exceeding the role's target costs nothing (only falling short does)
 */
public record FitModel(Weights weights, Map<String, Double> dimensionWeights, List<String> atLeastDimensions,
        String source) {

    public record Weights(double tolerance, double skills, double interest) {

        public double sum() {
            return tolerance + skills + interest;
        }
    }

    public boolean atLeast(String dimension) {
        return atLeastDimensions.contains(dimension);
    }

    public double dimensionWeight(String dimension) {
        return dimensionWeights.getOrDefault(dimension, 0.0);
    }
}
