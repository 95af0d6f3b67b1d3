package dev.aigc.career.catalogue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.text.Lang;

/** A role profile in one language; every fact carries the key of its source (see {@code sources}). */
public record RoleView(String id, String title, Sourced summary, Band toleranceBand, Sourced errorConsequence,
        Profile profile, List<Named> skills, List<Named> interests, SalaryView salary, Sourced salaryNote,
        List<Step> path, List<Plan> plan, List<Role.RelatedOccupation> relatedOccupations) {

    /** Full name of the standard the path levels refer to. */
    public static final String STANDARD = "人工智能工程技术人员国家职业技术技能标准（2021年版），职业编码 2-02-10-09";

    public record Sourced(String text, String source) {
    }

    public record Band(String band, String rationale, String source) {
    }

    public record Profile(List<Target> targets, String source) {
    }

    /** {@code mode} is "match" (distance either way counts) or "at-least" (only a shortfall counts). */
    public record Target(String dimension, String name, double target, String mode) {
    }

    public record Named(String id, String name, String source) {
    }

    public record SalaryView(long min, long max, String currency, String period, String region, String source,
            Integer year, String note) {
    }

    public record Step(String id, String title, String standardLevel, String standard, String description,
            String source, String levelSource) {
    }

    public record Plan(String strategy, String name, String action, String source, List<String> references) {
    }

    public static RoleView of(Role role, Catalogue catalogue, Questionnaire questionnaire, Lang lang) {
        List<Target> targets = questionnaire.dimensionIds().stream()
                .map(d -> new Target(d, questionnaire.dimension(d).orElseThrow().name().in(lang),
                        role.profile().target(d), catalogue.fitModel().atLeast(d) ? "at-least" : "match"))
                .toList();
        List<Named> skills = role.skills().stream()
                .map(s -> new Named(s.skill(), catalogue.skill(s.skill()).orElseThrow().name().in(lang), s.source()))
                .toList();
        List<Named> interests = role.interests().stream()
                .map(i -> new Named(i.interest(), catalogue.interest(i.interest()).orElseThrow().name().in(lang),
                        i.source()))
                .toList();
        Salary s = role.salary();
        SalaryView salary = s == null ? null : new SalaryView(s.min(), s.max(), s.currency(), s.period(),
                s.region().in(lang), s.source(), s.year(), s.note() == null ? null : s.note().in(lang));
        Sourced salaryNote = role.salaryNote() == null ? null
                : new Sourced(role.salaryNote().text().in(lang), role.salaryNote().source());
        List<Step> path = role.path().stream()
                .map(p -> new Step(p.id(), p.title().in(lang), p.standardLevel(),
                        p.standardLevel() == null ? null : STANDARD, p.description().in(lang), p.source(),
                        p.levelSource()))
                .toList();
        List<Plan> plan = catalogue.strategies().stream().map(strategy -> {
            PlanEntry entry = role.plan().get(strategy.id());
            return new Plan(strategy.id(), strategy.name().in(lang), entry.text().in(lang), entry.source(),
                    entry.references());
        }).toList();
        return new RoleView(role.id(), role.title().in(lang),
                new Sourced(role.summary().text().in(lang), role.summary().source()),
                new Band(role.toleranceBand().band().code(), role.toleranceBand().rationale().in(lang),
                        role.toleranceBand().source()),
                new Sourced(role.errorConsequence().text().in(lang), role.errorConsequence().source()),
                new Profile(targets, role.profile().source()), skills, interests, salary, salaryNote, path, plan,
                role.relatedOccupations());
    }

    /** Every source of the catalogue, sorted by key, for the response's {@code sources} map. */
    public static Map<String, Source> sources(Catalogue catalogue) {
        return new TreeMap<>(catalogue.sources());
    }
}
