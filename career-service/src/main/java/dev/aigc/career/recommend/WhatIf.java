package dev.aigc.career.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.aigc.career.assessment.Scores;
import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.Role;
import dev.aigc.career.questionnaire.Questionnaire;

/**
 * What would swap the top two roles: for each dimension, the smallest change of that one score (up or down,
 * everything else fixed) that puts the runner-up above the leader, also expressed as answer steps (one step = one
 * statement moved by one point, e.g. from "agree" to "neutral"); and, when skills were given, each single missing
 * skill that would do it on its own.
 */
public record WhatIf(String leader, String runnerUp, List<DimensionChange> dimensionChanges, boolean skillsAssessed,
        List<String> swappingSkills) {

    /** Resolution of the first scan; the crossing is then found by bisection. */
    static final double SCAN_STEP = 0.25;

    public record DimensionChange(String dimension, double from, double to, double delta, int answerSteps) {
    }

    public static Optional<WhatIf> analyse(Catalogue catalogue, Questionnaire questionnaire, Scores scores,
            BackgroundProfile background, Ranking ranking) {
        if (ranking.runnerUp().isEmpty()) {
            return Optional.empty();
        }
        Role leader = ranking.leader().role();
        Role runnerUp = ranking.runnerUp().get().role();

        List<DimensionChange> changes = new ArrayList<>();
        for (String dimension : scores.values().keySet()) {
            Optional<Double> up = smallestSwap(catalogue, leader, runnerUp, scores, background, dimension, +1);
            Optional<Double> down = smallestSwap(catalogue, leader, runnerUp, scores, background, dimension, -1);
            Optional<Double> delta = up.isPresent() && down.isPresent()
                    ? Optional.of(Math.abs(down.get()) < up.get() ? down.get() : up.get())
                    : up.or(() -> down);
            delta.ifPresent(d -> {
                double from = scores.of(dimension);
                changes.add(new DimensionChange(dimension, from, from + d, d,
                        answerSteps(questionnaire, dimension, Math.abs(d))));
            });
        }
        changes.sort(Comparator.comparingDouble((DimensionChange c) -> Math.abs(c.delta())));

        List<String> skills = new ArrayList<>();
        if (background.skillsAssessed()) {
            RoleFit runnerFit = ranking.runnerUp().get();
            for (String skill : runnerFit.skills().missing()) {
                BackgroundProfile more = background.withSkill(skill);
                if (swapped(catalogue, leader, runnerUp, scores, more)) {
                    skills.add(skill);
                }
            }
        }
        return Optional.of(new WhatIf(leader.id(), runnerUp.id(), List.copyOf(changes), background.skillsAssessed(),
                List.copyOf(skills)));
    }

    /** Signed change of one dimension score that first makes the runner-up rank above the leader, if any. */
    static Optional<Double> smallestSwap(Catalogue catalogue, Role leader, Role runnerUp, Scores scores,
            BackgroundProfile background, String dimension, int direction) {
        double from = scores.of(dimension);
        double room = direction > 0 ? 100.0 - from : from;
        double previous = 0;
        for (double step = SCAN_STEP; step < room + SCAN_STEP; step += SCAN_STEP) {
            double delta = Math.min(step, room);
            if (swapped(catalogue, leader, runnerUp, scores.with(dimension, from + direction * delta), background)) {
                double lo = previous;
                double hi = delta;
                for (int i = 0; i < 40; i++) {
                    double mid = (lo + hi) / 2;
                    if (swapped(catalogue, leader, runnerUp, scores.with(dimension, from + direction * mid), background)) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return Optional.of(direction * hi);
            }
            previous = delta;
            if (delta >= room) {
                break;
            }
        }
        return Optional.empty();
    }

    static boolean swapped(Catalogue catalogue, Role leader, Role runnerUp, Scores scores, BackgroundProfile background) {
        RoleFit first = FitCalculator.fit(catalogue.fitModel(), leader, scores, background);
        RoleFit second = FitCalculator.fit(catalogue.fitModel(), runnerUp, scores, background);
        return Ranking.ranksAbove(second, first);
    }

    /** One answer step moves a dimension by 100 / ((max - min) × its item count) points: 6.25 with four items. */
    static int answerSteps(Questionnaire questionnaire, String dimension, double delta) {
        int items = questionnaire.itemsOf(dimension).size();
        double step = 100.0 / ((questionnaire.scale().max() - questionnaire.scale().min()) * items);
        return (int) Math.ceil(delta / step - 1e-9);
    }
}
