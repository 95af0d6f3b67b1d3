package dev.aigc.career.recommend;

import java.util.ArrayList;
import java.util.List;

import dev.aigc.career.assessment.Scores;
import dev.aigc.career.catalogue.FitModel;
import dev.aigc.career.catalogue.Role;
import dev.aigc.career.recommend.RoleFit.DimensionGap;
import dev.aigc.career.recommend.RoleFit.InterestFit;
import dev.aigc.career.recommend.RoleFit.SkillFit;
import dev.aigc.career.recommend.RoleFit.Weights;

/**
 * The published fit model.
 * <ul>
 * <li>Tolerance match = 100 − the weighted mean gap between the person's dimension scores and the role's targets;
 * the gap is |score − target|, or only the shortfall for "at least" dimensions.</li>
 * <li>Skills = share of the role's skills recognised in the background, × 100.</li>
 * <li>Interest = share of the person's stated interests the role serves, × 100.</li>
 * <li>Total = weighted sum; components the person gave no data for drop out and the remaining weights are
 * rescaled to sum to 1.</li>
 * </ul>
 */
public final class FitCalculator {

    private FitCalculator() {
    }

    public static RoleFit fit(FitModel model, Role role, Scores scores, BackgroundProfile background) {
        List<DimensionGap> gaps = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (String dimension : scores.values().keySet()) {
            double score = scores.of(dimension);
            double target = role.profile().target(dimension);
            boolean atLeast = model.atLeast(dimension);
            double gap = atLeast ? Math.max(0, target - score) : Math.abs(score - target);
            double weight = model.dimensionWeight(dimension);
            gaps.add(new DimensionGap(dimension, score, target, atLeast, weight, gap));
            weighted += weight * gap;
            weights += weight;
        }
        double toleranceMatch = 100.0 - weighted / weights;

        SkillFit skills = skills(role, background);
        InterestFit interests = interests(role, background);
        FitModel.Weights nominal = model.weights();
        double wt = nominal.tolerance();
        double ws = skills.assessed() ? nominal.skills() : 0;
        double wi = interests.assessed() ? nominal.interest() : 0;
        double sum = wt + ws + wi;
        Weights applied = new Weights(wt / sum, ws / sum, wi / sum);
        double total = applied.tolerance() * toleranceMatch + applied.skills() * skills.score()
                + applied.interest() * interests.score();
        return new RoleFit(role, toleranceMatch, List.copyOf(gaps), skills, interests, applied, total);
    }

    static SkillFit skills(Role role, BackgroundProfile background) {
        List<String> required = role.skillIds();
        if (!background.skillsAssessed() || required.isEmpty()) {
            return new SkillFit(false, 0, List.of(), required);
        }
        List<String> matched = required.stream().filter(background.skills()::contains).toList();
        List<String> missing = required.stream().filter(s -> !background.skills().contains(s)).toList();
        return new SkillFit(true, 100.0 * matched.size() / required.size(), matched, missing);
    }

    static InterestFit interests(Role role, BackgroundProfile background) {
        if (!background.interestsAssessed()) {
            return new InterestFit(false, 0, List.of());
        }
        List<String> matched = role.interestIds().stream().filter(background.interests()::contains).toList();
        return new InterestFit(true, 100.0 * matched.size() / background.interests().size(), matched);
    }
}
