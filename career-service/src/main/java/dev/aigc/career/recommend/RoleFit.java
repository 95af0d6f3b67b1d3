package dev.aigc.career.recommend;

import java.util.List;

import dev.aigc.career.catalogue.Role;

/**
 * How well one role fits: the tolerance match against the role's profile (with each dimension's gap), the skill
 * and interest components, the weights actually applied and the weighted total, all on 0–100.
 */
public record RoleFit(Role role, double toleranceMatch, List<DimensionGap> gaps, SkillFit skills,
        InterestFit interests, Weights applied, double total) {

    /** Distance between the person's score and the role's target on one dimension. */
    public record DimensionGap(String dimension, double score, double target, boolean atLeast, double weight,
            double gap) {
    }

    public record SkillFit(boolean assessed, double score, List<String> matched, List<String> missing) {
    }

    public record InterestFit(boolean assessed, double score, List<String> matched) {
    }

    public record Weights(double tolerance, double skills, double interest) {
    }
}
