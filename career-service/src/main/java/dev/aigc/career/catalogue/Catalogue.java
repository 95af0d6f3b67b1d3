package dev.aigc.career.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.text.Text;

/** One version of the role catalogue, exactly as its data file holds it. */
public record Catalogue(String version, Map<String, Source> sources, FitModel fitModel, List<Interest> interests,
        List<Skill> skills, List<Strategy> strategies, List<Role> roles, Text disclaimer) {

    public Optional<Role> role(String id) {
        return roles.stream().filter(role -> role.id().equals(id)).findFirst();
    }

    public Optional<Skill> skill(String id) {
        return skills.stream().filter(skill -> skill.id().equals(id)).findFirst();
    }

    public Optional<Interest> interest(String id) {
        return interests.stream().filter(interest -> interest.id().equals(id)).findFirst();
    }

    public List<String> interestIds() {
        return interests.stream().map(Interest::id).toList();
    }

    /** Every fact in the catalogue with the source it cites; each must name a known source. */
    public List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("fitModel", fitModel.source()));
        strategies.forEach(s -> facts.add(new Fact("strategies." + s.id(), s.source())));
        for (Role role : roles) {
            String at = "roles." + role.id() + ".";
            facts.add(new Fact(at + "summary", role.summary().source()));
            facts.add(new Fact(at + "toleranceBand", role.toleranceBand().source()));
            facts.add(new Fact(at + "errorConsequence", role.errorConsequence().source()));
            facts.add(new Fact(at + "profile", role.profile().source()));
            role.skills().forEach(s -> facts.add(new Fact(at + "skills." + s.skill(), s.source())));
            role.interests().forEach(i -> facts.add(new Fact(at + "interests." + i.interest(), i.source())));
            if (role.salary() != null) {
                facts.add(new Fact(at + "salary", role.salary().source()));
            }
            if (role.salaryNote() != null) {
                facts.add(new Fact(at + "salaryNote", role.salaryNote().source()));
            }
            for (PathStep step : role.path()) {
                facts.add(new Fact(at + "path." + step.id(), step.source()));
                facts.add(new Fact(at + "path." + step.id() + ".standardLevel", step.levelSource()));
            }
            role.plan().forEach((strategy, entry) -> {
                facts.add(new Fact(at + "plan." + strategy, entry.source()));
                entry.references().forEach(r -> facts.add(new Fact(at + "plan." + strategy + ".reference", r)));
            });
            role.relatedOccupations().forEach(o -> facts.add(new Fact(at + "relatedOccupations." + o.code(), o.source())));
        }
        return facts;
    }

    /** Problems that make this catalogue unusable with the given questionnaire; empty when sound. */
    public List<String> problems(Questionnaire questionnaire) {
        List<String> problems = new ArrayList<>();
        for (Fact fact : facts()) {
            if (fact.source() == null || fact.source().isBlank()) {
                problems.add(fact.what() + " has no source");
            } else if (!sources.containsKey(fact.source())) {
                problems.add(fact.what() + " cites unknown source " + fact.source());
            }
        }
        Set<String> dimensions = new HashSet<>(questionnaire.dimensionIds());
        if (!fitModel.dimensionWeights().keySet().equals(dimensions)) {
            problems.add("fitModel.dimensionWeights must cover exactly " + dimensions);
        }
        if (Math.abs(fitModel.weights().sum() - 1.0) > 1e-9) {
            problems.add("fitModel.weights must sum to 1");
        }
        Set<String> strategyIds = new HashSet<>(strategies.stream().map(Strategy::id).toList());
        Set<String> roleIds = new HashSet<>();
        for (Role role : roles) {
            if (!roleIds.add(role.id())) {
                problems.add("duplicate role " + role.id());
            }
            if (!role.profile().targets().keySet().equals(dimensions)) {
                problems.add("role " + role.id() + " profile must cover exactly " + dimensions);
            }
            role.profile().targets().forEach((dimension, target) -> {
                if (target < 0 || target > 100) {
                    problems.add("role " + role.id() + " target for " + dimension + " outside 0-100");
                }
            });
            if (!role.plan().keySet().equals(strategyIds)) {
                problems.add("role " + role.id() + " plan must cover the strategies " + strategyIds);
            }
            role.skillIds().stream().filter(id -> skill(id).isEmpty())
                    .forEach(id -> problems.add("role " + role.id() + " requires unknown skill " + id));
            role.interestIds().stream().filter(id -> interest(id).isEmpty())
                    .forEach(id -> problems.add("role " + role.id() + " names unknown interest " + id));
            if ((role.salary() == null) == (role.salaryNote() == null)) {
                problems.add("role " + role.id() + " needs either a salary or a note saying why there is none");
            }
            if (role.salary() != null && role.salary().min() > role.salary().max()) {
                problems.add("role " + role.id() + " salary min exceeds max");
            }
            double tolerance = questionnaire.scoring().tolerance().dimensions().stream()
                    .mapToDouble(d -> role.profile().targets().getOrDefault(d, -1.0)).average().orElse(-1);
            if (questionnaire.scoring().bands().bandOf(tolerance) != role.toleranceBand().band()) {
                problems.add("role " + role.id() + " tolerance targets do not fall in its band "
                        + role.toleranceBand().band().code());
            }
        }
        return problems;
    }
}
