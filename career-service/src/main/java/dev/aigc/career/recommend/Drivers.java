package dev.aigc.career.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.aigc.career.assessment.Scorer;
import dev.aigc.career.assessment.Scores;
import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.FitModel;
import dev.aigc.career.catalogue.Role;
import dev.aigc.career.questionnaire.Item;
import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.questionnaire.Scale;

/**
 * Why the ranking came out as it did, in two exact, additive accounts.
 * <ul>
 * <li>{@code lead}: the leader's margin over the runner-up split into one part per dimension (weighted difference
 * of the two roles' gaps) plus the skill and interest parts. The parts sum to the margin.</li>
 * <li>{@code supporting} / {@code opposing}: the answers that raised or lowered the leader's fit most, compared
 * with a respondent who answered every statement with the neutral middle. Each dimension's change against that
 * baseline is shared among its answers in proportion to how far each keyed answer lies from neutral (integrated
 * gradients along the straight path from the baseline; exact here because the fit is piecewise linear). Over all
 * answers the effects sum to the leader's fit minus its fit for the neutral respondent.</li>
 * </ul>
 */
public record Drivers(String leader, String runnerUp, double margin, List<LeadPart> lead, double leaderFit,
        double neutralFit, List<ItemEffect> supporting, List<ItemEffect> opposing) {

    static final int MAX_SUPPORTING = 5;
    static final int MAX_OPPOSING = 3;
    static final String SKILLS = "skills";
    static final String INTEREST = "interest";
    private static final double NEUTRAL_SCORE = 50.0;
    private static final double NOISE = 1e-9;

    /** Points of the lead owed to one dimension, or to {@code skills} / {@code interest}. */
    public record LeadPart(String component, double points) {
    }

    /** Points of the leader's total owed to one answer. */
    public record ItemEffect(String itemId, String dimension, int answer, double effect) {
    }

    /** Empty when there is no runner-up. {@code answers} is null when only scores were given. */
    public static Optional<Drivers> analyse(Catalogue catalogue, Questionnaire questionnaire,
            Map<String, Integer> answers, Scores scores, BackgroundProfile background, Ranking ranking) {
        if (ranking.runnerUp().isEmpty()) {
            return Optional.empty();
        }
        RoleFit leader = ranking.leader();
        RoleFit runnerUp = ranking.runnerUp().get();
        List<LeadPart> lead = lead(catalogue.fitModel(), leader, runnerUp);

        Scores neutral = neutral(scores);
        double neutralFit = FitCalculator.fit(catalogue.fitModel(), leader.role(), neutral, background).total();
        List<ItemEffect> effects = answers == null ? List.of()
                : itemEffects(catalogue.fitModel(), questionnaire, answers, scores, leader.role(),
                        leader.applied().tolerance());
        List<ItemEffect> supporting = effects.stream().filter(e -> e.effect() > NOISE)
                .sorted(Comparator.comparingDouble(ItemEffect::effect).reversed()).limit(MAX_SUPPORTING).toList();
        List<ItemEffect> opposing = effects.stream().filter(e -> e.effect() < -NOISE)
                .sorted(Comparator.comparingDouble(ItemEffect::effect)).limit(MAX_OPPOSING).toList();
        return Optional.of(new Drivers(leader.role().id(), runnerUp.role().id(), leader.total() - runnerUp.total(),
                lead, leader.total(), neutralFit, supporting, opposing));
    }

    static List<LeadPart> lead(FitModel model, RoleFit leader, RoleFit runnerUp) {
        double weightSum = leader.gaps().stream().mapToDouble(RoleFit.DimensionGap::weight).sum();
        double tolerance = leader.applied().tolerance();
        List<LeadPart> parts = new ArrayList<>();
        for (int i = 0; i < leader.gaps().size(); i++) {
            RoleFit.DimensionGap mine = leader.gaps().get(i);
            RoleFit.DimensionGap theirs = runnerUp.gaps().get(i);
            parts.add(new LeadPart(mine.dimension(),
                    tolerance * mine.weight() * (theirs.gap() - mine.gap()) / weightSum));
        }
        parts.add(new LeadPart(SKILLS, leader.applied().skills() * (leader.skills().score() - runnerUp.skills().score())));
        parts.add(new LeadPart(INTEREST,
                leader.applied().interest() * (leader.interests().score() - runnerUp.interests().score())));
        parts.sort(Comparator.comparingDouble(LeadPart::points).reversed());
        return List.copyOf(parts);
    }

    /** Every non-neutral answer's share of the leader's fit gain over the neutral respondent, in item order. */
    static List<ItemEffect> itemEffects(FitModel model, Questionnaire questionnaire, Map<String, Integer> answers,
            Scores scores, Role role, double toleranceWeight) {
        Scale scale = questionnaire.scale();
        double weightSum = model.dimensionWeights().values().stream().mapToDouble(Double::doubleValue).sum();
        List<ItemEffect> effects = new ArrayList<>();
        for (String dimension : scores.values().keySet()) {
            List<Item> items = questionnaire.itemsOf(dimension);
            double pointsPerStep = 100.0 / ((scale.max() - scale.min()) * items.size());
            double slope = toleranceWeight * model.dimensionWeight(dimension) / weightSum
                    * slope(model, role, dimension, scores.of(dimension));
            for (Item item : items) {
                int answer = answers.get(item.id());
                int deviation = Scorer.keyed(scale, item, answer) - scale.neutral();
                if (deviation != 0) {
                    effects.add(new ItemEffect(item.id(), dimension, answer, deviation * pointsPerStep * slope));
                }
            }
        }
        return effects;
    }

    /**
     * Mean rate at which the role's match improves as the score moves from the neutral 50 to {@code score}
     * (minus the change in gap per point); at 50 itself, the local rate.
     */
    static double slope(FitModel model, Role role, String dimension, double score) {
        if (Math.abs(score - NEUTRAL_SCORE) < NOISE) {
            double h = 1e-6;
            return -(gap(model, role, dimension, NEUTRAL_SCORE + h) - gap(model, role, dimension, NEUTRAL_SCORE - h))
                    / (2 * h);
        }
        return -(gap(model, role, dimension, score) - gap(model, role, dimension, NEUTRAL_SCORE))
                / (score - NEUTRAL_SCORE);
    }

    static double gap(FitModel model, Role role, String dimension, double score) {
        double target = role.profile().target(dimension);
        return model.atLeast(dimension) ? Math.max(0, target - score) : Math.abs(score - target);
    }

    private static Scores neutral(Scores scores) {
        Scores neutral = scores;
        for (String dimension : scores.values().keySet()) {
            neutral = neutral.with(dimension, NEUTRAL_SCORE);
        }
        return neutral;
    }
}
