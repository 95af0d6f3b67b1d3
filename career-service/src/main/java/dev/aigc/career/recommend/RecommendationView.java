package dev.aigc.career.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.aigc.career.assessment.AssessmentView;
import dev.aigc.career.assessment.ConsistencyResult;
import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.FitModel;
import dev.aigc.career.catalogue.RoleView;
import dev.aigc.career.catalogue.Source;
import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.text.Lang;
import dev.aigc.career.text.Numbers;
import dev.aigc.career.text.Text;

/** A recommendation in one language. Scores and points are rounded here; ranking used the exact values. */
public record RecommendationView(String questionnaireVersion, String catalogueVersion, String language,
        String disclaimer, String input, AssessmentView assessment, Reliability reliability, FitModelView fitModel,
        List<RankedRole> ranking, DriversView drivers, WhatIfView whatWouldChange, Map<String, Source> sources) {

    public record Reliability(String verdict, String note) {
    }

    public record FitModelView(String method, FitModel.Weights weights, Map<String, Double> dimensionWeights,
            List<String> atLeastDimensions, String source) {
    }

    public record RankedRole(int rank, String roleId, String title, double total, Breakdown breakdown,
            List<PlanStepView> skillPlan, RoleView role) {
    }

    public record Breakdown(double toleranceMatch, SkillsView skills, InterestView interest,
            RoleFit.Weights appliedWeights, Contributions contributions, List<GapView> dimensions) {
    }

    /** Points each component adds to the total (applied weight × component score). */
    public record Contributions(double tolerance, double skills, double interest) {
    }

    public record GapView(String dimension, String name, double yourScore, double roleTarget, String mode,
            double weight, double gap) {
    }

    public record SkillsView(boolean assessed, Double score, List<Named> matched, List<Named> missing) {
    }

    public record InterestView(boolean assessed, Double score, List<Named> matched) {
    }

    public record Named(String id, String name) {
    }

    public record PlanStepView(String strategy, String name, String action, List<String> references,
            List<String> forYourGaps, boolean emphasis, String why) {
    }

    /**
     * {@code lead} splits the margin over the runner-up into parts that add up to it; {@code answers} and
     * {@code counterweights} are the answers that raised or lowered the leader's fit most compared with answering
     * everything neutrally ({@code neutralFit}).
     */
    public record DriversView(String leader, String runnerUp, double margin, String summary, List<LeadPartView> lead,
            double leaderFit, double neutralFit, String answersSummary, List<AnswerDriver> answers,
            List<AnswerDriver> counterweights) {
    }

    public record LeadPartView(String component, String name, double points) {
    }

    public record AnswerDriver(String itemId, String text, String dimension, int answer, double effect) {
    }

    public record WhatIfView(String leader, String runnerUp, String summary, List<ChangeView> dimensionChanges,
            boolean skillsAssessed, List<Named> skills, String skillsSummary) {
    }

    public record ChangeView(String dimension, String name, double from, double to, double delta, int answerSteps,
            String explanation) {
    }

    static final Text METHOD = new Text(
            "总分 = 容错匹配 × %s + 技能匹配 × %s + 兴趣匹配 × %s。没有提供技能（或兴趣）时，这一部分不计入，其余权重按比例放大（见 appliedWeights）。容错匹配 = 100 − 你的各维度得分与岗位目标之间差距的加权平均（权重见 dimensionWeights）；at-least 维度只计低于目标的部分。技能匹配 = 在你的背景中找到的岗位核心技能所占比例；兴趣匹配 = 你选的兴趣中该岗位能满足的比例。分数相同时按岗位 id 排序。",
            "Total = tolerance match x %s + skill match x %s + interest match x %s. When no skills (or interests) are given, that part is left out and the other weights are scaled up in proportion (see appliedWeights). Tolerance match = 100 - the weighted mean gap between your dimension scores and the role's targets (weights in dimensionWeights); for at-least dimensions only a shortfall counts. Skill match = share of the role's core skills found in your background; interest match = share of your chosen interests the role serves. Equal totals are ordered by role id.");
    static final Text INCONSISTENT = new Text(
            "一致性检查没有通过，以下排序可能不能代表你，仅作参考；建议认真重新作答。",
            "The consistency check failed, so the ranking below may not represent you; treat it with caution and consider answering again.");
    static final Text CONSISTENT = new Text(
            "一致性检查通过。", "The consistency check passed.");
    static final Text NOT_CHECKED = new Text(
            "本次根据之前评估的分数生成，没有原始答案，因此没有做一致性检查。",
            "Built from the scores of an earlier assessment; without the answers no consistency check was made.");
    static final Text DRIVERS = new Text(
            "“%s”领先“%s”%.2f 分，lead 中各部分相加正好等于这个差距（正数帮了第一名，负数帮了第二名）。",
            "\"%s\" leads \"%s\" by %.2f points; the parts in lead add up to that margin (positive parts favour the leader, negative ones the runner-up).");
    static final Text ANSWERS = new Text(
            "如果每一题都选中间的“说不准”，“%s”的匹配分是 %.1f；你的实际作答把它变成了 %.1f。下面列出贡献最大的作答（effect 为该题贡献的分数，负数表示拉低）。",
            "Answering every statement \"neither agree nor disagree\" would give \"%s\" a fit of %.1f; your answers make it %.1f. The answers below contributed most (effect is the points each added; negative ones took points away).");
    static final Text SKILLS_PART = new Text("技能匹配", "Skill match");
    static final Text INTEREST_PART = new Text("兴趣匹配", "Interest match");
    static final Text CHANGE = new Text(
            "如果你的“%s”得分是 %.1f 而不是 %.1f（大约%s %d 个答题档位），“%s”就会排到“%s”前面。",
            "If your \"%s\" score were %.1f instead of %.1f (about %d answer steps %s), \"%s\" would rank above \"%s\".");
    static final Text UP = new Text("调高", "higher");
    static final Text DOWN = new Text("调低", "lower");
    static final Text NO_CHANGE = new Text(
            "单独改变任何一个维度都不足以让“%s”超过“%s”。",
            "No change to a single dimension is enough to put \"%s\" above \"%s\".");
    static final Text SKILLS_SWAP = new Text(
            "在你的背景里补上下列任意一项技能，“%s”就会超过“%s”。",
            "Adding any one of these skills to your background would put \"%s\" above \"%s\".");
    static final Text SKILLS_NO_SWAP = new Text(
            "补上“%s”缺少的任何一项技能，都不足以单独让它超过“%s”。",
            "No single missing skill of \"%s\" would on its own put it above \"%s\".");
    static final Text SKILLS_UNKNOWN = new Text(
            "没有提供技能背景，因此无法计算补充技能的影响。",
            "No skills were given, so the effect of adding skills cannot be worked out.");
    static final Text LOW_COVERAGE = new Text(
            "这个岗位的核心技能，在你的背景里找到的不到一半，所以先补基础。",
            "Fewer than half of this role's core skills were found in your background, so the fundamentals come first.");
    static final Text LITTLE_EXPERIENCE = new Text(
            "工作经验不到 2 年，做实践项目是积累可展示能力最快的办法。",
            "With under two years of experience, project work is the quickest way to build ability you can show.");
    static final Text SOLID_BASE = new Text(
            "你已经具备一半以上的核心技能，也有 2 年以上经验，交流能帮你拓宽视野。",
            "You already have at least half of the core skills and two or more years of experience, so exchange with peers will widen your view.");

    public static RecommendationView of(Recommendation r, Lang lang) {
        Catalogue catalogue = r.catalogue();
        Questionnaire q = r.questionnaire();
        AssessmentView assessment = r.assessment() == null ? null
                : AssessmentView.of(r.assessment(), catalogue, r.background(), lang);
        Reliability reliability = reliability(r, lang);
        FitModel model = catalogue.fitModel();
        FitModel.Weights w = model.weights();
        FitModelView fitModel = new FitModelView(format(METHOD, lang, w.tolerance(), w.skills(), w.interest()), w,
                model.dimensionWeights(), model.atLeastDimensions(), model.source());

        List<RankedRole> ranking = new ArrayList<>();
        List<RoleFit> fits = r.ranking().fits();
        for (int i = 0; i < fits.size(); i++) {
            RoleFit fit = fits.get(i);
            ranking.add(new RankedRole(i + 1, fit.role().id(), fit.role().title().in(lang),
                    Numbers.round1(fit.total()), breakdown(fit, catalogue, q, lang),
                    plan(catalogue, fit, r.profile(), lang), RoleView.of(fit.role(), catalogue, q, lang)));
        }
        return new RecommendationView(q.version(), catalogue.version(), lang.code(), catalogue.disclaimer().in(lang),
                r.assessment() == null ? "scores" : "answers", assessment, reliability, fitModel, ranking,
                r.drivers().map(d -> drivers(d, catalogue, q, lang)).orElse(null),
                r.whatIf().map(w2 -> whatIf(w2, catalogue, q, lang)).orElse(null),
                RoleView.sources(catalogue));
    }

    static Reliability reliability(Recommendation r, Lang lang) {
        if (r.assessment() == null) {
            return new Reliability("NOT_CHECKED", NOT_CHECKED.in(lang));
        }
        ConsistencyResult.Verdict verdict = r.assessment().consistency().verdict();
        return new Reliability(verdict.name(),
                (verdict == ConsistencyResult.Verdict.CONSISTENT ? CONSISTENT : INCONSISTENT).in(lang));
    }

    static Breakdown breakdown(RoleFit fit, Catalogue catalogue, Questionnaire q, Lang lang) {
        RoleFit.SkillFit s = fit.skills();
        SkillsView skills = new SkillsView(s.assessed(), s.assessed() ? Numbers.round1(s.score()) : null,
                skillNames(catalogue, s.matched(), lang), skillNames(catalogue, s.missing(), lang));
        RoleFit.InterestFit in = fit.interests();
        InterestView interest = new InterestView(in.assessed(), in.assessed() ? Numbers.round1(in.score()) : null,
                in.matched().stream().map(id -> new Named(id, catalogue.interest(id).orElseThrow().name().in(lang)))
                        .toList());
        RoleFit.Weights a = fit.applied();
        RoleFit.Weights applied = new RoleFit.Weights(Numbers.round2(a.tolerance()), Numbers.round2(a.skills()),
                Numbers.round2(a.interest()));
        Contributions contributions = new Contributions(Numbers.round1(a.tolerance() * fit.toleranceMatch()),
                Numbers.round1(a.skills() * s.score()), Numbers.round1(a.interest() * in.score()));
        List<GapView> gaps = fit.gaps().stream()
                .map(g -> new GapView(g.dimension(), dimensionName(q, g.dimension(), lang), Numbers.round1(g.score()),
                        g.target(), g.atLeast() ? "at-least" : "match", g.weight(), Numbers.round1(g.gap())))
                .toList();
        return new Breakdown(Numbers.round1(fit.toleranceMatch()), skills, interest, applied, contributions, gaps);
    }

    static List<PlanStepView> plan(Catalogue catalogue, RoleFit fit, BackgroundProfile profile, Lang lang) {
        return SkillPlanner.plan(catalogue, fit, profile).stream().map(step -> {
            boolean learn = step.strategy().id().equals(SkillPlanner.FUNDAMENTALS);
            List<String> gaps = step.gaps().stream()
                    .map(skill -> skill.name().in(lang) + ": " + (learn ? skill.learn() : skill.practice()).in(lang))
                    .toList();
            String why = step.emphasis() == null ? null : switch (step.emphasis()) {
                case LOW_COVERAGE -> LOW_COVERAGE.in(lang);
                case LITTLE_EXPERIENCE -> LITTLE_EXPERIENCE.in(lang);
                case SOLID_BASE -> SOLID_BASE.in(lang);
            };
            return new PlanStepView(step.strategy().id(), step.strategy().name().in(lang),
                    step.entry().text().in(lang), step.entry().references(), gaps, step.emphasis() != null, why);
        }).toList();
    }

    static DriversView drivers(Drivers d, Catalogue catalogue, Questionnaire q, Lang lang) {
        String leader = title(catalogue, d.leader(), lang);
        String runnerUp = title(catalogue, d.runnerUp(), lang);
        List<LeadPartView> lead = d.lead().stream().map(part -> new LeadPartView(part.component(),
                switch (part.component()) {
                    case Drivers.SKILLS -> SKILLS_PART.in(lang);
                    case Drivers.INTEREST -> INTEREST_PART.in(lang);
                    default -> dimensionName(q, part.component(), lang);
                }, Numbers.round2(part.points()))).toList();
        boolean answered = !d.supporting().isEmpty() || !d.opposing().isEmpty();
        return new DriversView(d.leader(), d.runnerUp(), Numbers.round2(d.margin()),
                format(DRIVERS, lang, leader, runnerUp, d.margin()), lead, Numbers.round1(d.leaderFit()),
                Numbers.round1(d.neutralFit()),
                answered ? format(ANSWERS, lang, leader, d.neutralFit(), d.leaderFit()) : null,
                d.supporting().stream().map(e -> answer(e, q, lang)).toList(),
                d.opposing().stream().map(e -> answer(e, q, lang)).toList());
    }

    static AnswerDriver answer(Drivers.ItemEffect e, Questionnaire q, Lang lang) {
        return new AnswerDriver(e.itemId(), q.item(e.itemId()).orElseThrow().text().in(lang), e.dimension(),
                e.answer(), Numbers.round2(e.effect()));
    }

    static WhatIfView whatIf(WhatIf w, Catalogue catalogue, Questionnaire q, Lang lang) {
        String leader = title(catalogue, w.leader(), lang);
        String runnerUp = title(catalogue, w.runnerUp(), lang);
        List<ChangeView> changes = w.dimensionChanges().stream().map(c -> {
            String name = dimensionName(q, c.dimension(), lang);
            String direction = (c.delta() > 0 ? UP : DOWN).in(lang);
            String explanation = lang == Lang.ZH
                    ? format(CHANGE, lang, name, c.to(), c.from(), direction, c.answerSteps(), runnerUp, leader)
                    : format(CHANGE, lang, name, c.to(), c.from(), c.answerSteps(), direction, runnerUp, leader);
            return new ChangeView(c.dimension(), name, Numbers.round1(c.from()), Numbers.round1(c.to()),
                    Numbers.round1(c.delta()), c.answerSteps(), explanation);
        }).toList();
        String summary = changes.isEmpty() ? format(NO_CHANGE, lang, runnerUp, leader) : changes.get(0).explanation();
        String skillsSummary = !w.skillsAssessed() ? SKILLS_UNKNOWN.in(lang)
                : w.swappingSkills().isEmpty() ? format(SKILLS_NO_SWAP, lang, runnerUp, leader)
                : format(SKILLS_SWAP, lang, runnerUp, leader);
        return new WhatIfView(w.leader(), w.runnerUp(), summary, changes, w.skillsAssessed(),
                skillNames(catalogue, w.swappingSkills(), lang), skillsSummary);
    }

    static List<Named> skillNames(Catalogue catalogue, List<String> ids, Lang lang) {
        return ids.stream().map(id -> new Named(id, catalogue.skill(id).orElseThrow().name().in(lang))).toList();
    }

    static String title(Catalogue catalogue, String roleId, Lang lang) {
        return catalogue.role(roleId).orElseThrow().title().in(lang);
    }

    static String dimensionName(Questionnaire q, String dimension, Lang lang) {
        return q.dimension(dimension).orElseThrow().name().in(lang);
    }

    static String format(Text text, Lang lang, Object... args) {
        return String.format(Locale.ROOT, text.in(lang), args);
    }
}
