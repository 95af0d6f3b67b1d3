package dev.aigc.career.recommend;

import java.util.ArrayList;
import java.util.List;

import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.PlanEntry;
import dev.aigc.career.catalogue.Skill;
import dev.aigc.career.catalogue.Strategy;

/**
 * Turns the article's five strategies into a plan for one role and one person: each strategy's role-specific
 * action, plus the missing skills under "fundamentals" (what to learn) and "projects" (what to build). Three
 * published rules mark where to put the effort first.
 */
public final class SkillPlanner {

    public static final String FUNDAMENTALS = "fundamentals";
    public static final String PROJECTS = "projects";
    public static final String EXCHANGE = "exchange";
    /** Below this skill coverage (%), fundamentals come first. */
    public static final double LOW_COVERAGE = 50.0;
    /** Under this many years of experience, projects come first. */
    public static final int LITTLE_EXPERIENCE_YEARS = 2;

    public enum Rule { LOW_COVERAGE, LITTLE_EXPERIENCE, SOLID_BASE }

    /** One strategy step; {@code emphasis} is the rule that puts it first, or null. */
    public record Step(Strategy strategy, PlanEntry entry, List<Skill> gaps, Rule emphasis) {
    }

    private SkillPlanner() {
    }

    public static List<Step> plan(Catalogue catalogue, RoleFit fit, BackgroundProfile background) {
        List<Skill> missing = fit.skills().assessed()
                ? fit.skills().missing().stream().map(id -> catalogue.skill(id).orElseThrow()).toList()
                : List.of();
        Integer years = background.yearsOfExperience();
        List<Step> steps = new ArrayList<>();
        for (Strategy strategy : catalogue.strategies()) {
            PlanEntry entry = fit.role().plan().get(strategy.id());
            List<Skill> gaps = switch (strategy.id()) {
                case FUNDAMENTALS, PROJECTS -> missing;
                default -> List.of();
            };
            Rule emphasis = switch (strategy.id()) {
                case FUNDAMENTALS -> fit.skills().assessed() && fit.skills().score() < LOW_COVERAGE
                        ? Rule.LOW_COVERAGE : null;
                case PROJECTS -> years != null && years < LITTLE_EXPERIENCE_YEARS ? Rule.LITTLE_EXPERIENCE : null;
                case EXCHANGE -> fit.skills().assessed() && fit.skills().score() >= LOW_COVERAGE && years != null
                        && years >= LITTLE_EXPERIENCE_YEARS ? Rule.SOLID_BASE : null;
                default -> null;
            };
            steps.add(new Step(strategy, entry, gaps, emphasis));
        }
        return steps;
    }
}
