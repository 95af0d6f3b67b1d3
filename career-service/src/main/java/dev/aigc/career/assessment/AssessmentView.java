package dev.aigc.career.assessment;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.aigc.career.assessment.ConsistencyResult.Code;
import dev.aigc.career.assessment.ConsistencyResult.Reason;
import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.SkillMatcher;
import dev.aigc.career.questionnaire.Cutoffs;
import dev.aigc.career.questionnaire.Dimension;
import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.text.Lang;
import dev.aigc.career.text.Numbers;
import dev.aigc.career.text.Text;

/** An assessment in one language: scores with interpretations, tolerance band and the consistency verdict. */
public record AssessmentView(String questionnaireVersion, String catalogueVersion, String language, List<DimensionView> dimensions,
        ToleranceView tolerance, ConsistencyView consistency, BackgroundView background, String disclaimer) {

    public record DimensionView(String dimension, String name, double score, double keyedMean, String band,
            String interpretation) {
    }

    public record ToleranceView(double index, String band, String description, List<String> dimensions,
            double lowBelow, double highFrom) {
    }

    public record ConsistencyView(String verdict, String summary, double inconsistencyIndex, int contradictions,
            int longestRun, List<ReasonView> reasons, List<ConsistencyResult.PairGap> pairs) {
    }

    public record ReasonView(String code, String message, double value, double limit) {
    }

    public record BackgroundView(List<Recognised> recognisedSkills, List<String> statedSkills,
            List<String> interests, Integer yearsOfExperience, Education education, String note) {
    }

    public record Recognised(String id, String name) {
    }

    static final Text CONSISTENT = new Text(
            "作答前后一致，没有发现随意作答的迹象。",
            "The answers hang together; no sign of careless answering was found.");
    static final Text INCONSISTENT = new Text(
            "作答存在不一致之处，下面的分数和推荐可能不能反映你的真实情况。建议认真重新作答后再参考结果。",
            "The answers contradict each other in places, so the scores and recommendations below may not reflect you. Consider answering again carefully before relying on them.");
    static final Text PAIRS = new Text(
            "成对题目的平均得分差为 %.2f，超过上限 %.2f：意思相近或相反的题目没有得到一致的回答。",
            "Paired statements differ by %.2f points on average, above the limit of %.2f: statements with the same or the opposite meaning were not answered consistently.");
    static final Text CONTRADICTIONS = new Text(
            "有 %.0f 对题目的回答互相矛盾，超过允许的 %.0f 对。",
            "%.0f pairs of statements were answered in contradiction, more than the %.0f allowed.");
    static final Text LONG_STRING = new Text(
            "连续 %.0f 题给出了完全相同的答案（上限为少于 %.0f 题），看起来像是“一条线”作答。",
            "%.0f answers in a row were identical (the limit is fewer than %.0f), which looks like straight-lining.");
    static final Text EDUCATION_NOTE = new Text(
            "学历只作记录，不参与评分：本服务用于探索方向，不按学历设门槛。",
            "Education is recorded but not scored: the service is for exploration and does not gate roles by credentials.");

    public static AssessmentView of(Assessment assessment, Catalogue catalogue, Background background, Lang lang) {
        Questionnaire q = assessment.questionnaire();
        List<DimensionView> dimensions = assessment.dimensions().stream().map(s -> {
            Dimension d = q.dimension(s.dimension()).orElseThrow();
            return new DimensionView(s.dimension(), d.name().in(lang), Numbers.round1(s.score()),
                    Numbers.round2(s.keyedMean()), s.band().code(), d.interpretations().of(s.band()).in(lang));
        }).toList();
        Cutoffs cutoffs = q.scoring().bands();
        ToleranceView tolerance = new ToleranceView(Numbers.round1(assessment.toleranceIndex()),
                assessment.toleranceBand().code(),
                q.scoring().tolerance().bands().of(assessment.toleranceBand()).in(lang),
                q.scoring().tolerance().dimensions(), cutoffs.lowBelow(), cutoffs.highFrom());
        return new AssessmentView(q.version(), catalogue.version(), lang.code(), dimensions, tolerance,
                consistency(assessment.consistency(), lang), background(catalogue, background, lang),
                catalogue.disclaimer().in(lang));
    }

    public static ConsistencyView consistency(ConsistencyResult result, Lang lang) {
        List<ReasonView> reasons = result.reasons().stream()
                .map(r -> new ReasonView(r.code().name(), message(r, lang), Numbers.round2(r.value()), r.limit()))
                .toList();
        boolean consistent = result.verdict() == ConsistencyResult.Verdict.CONSISTENT;
        return new ConsistencyView(result.verdict().name(), (consistent ? CONSISTENT : INCONSISTENT).in(lang),
                Numbers.round2(result.inconsistencyIndex()), result.contradictions(), result.longestRun(), reasons,
                result.pairs());
    }

    static String message(Reason reason, Lang lang) {
        Text template = reason.code() == Code.INCONSISTENT_PAIRS ? PAIRS
                : reason.code() == Code.CONTRADICTIONS ? CONTRADICTIONS : LONG_STRING;
        return String.format(Locale.ROOT, template.in(lang), reason.value(), reason.limit());
    }

    static BackgroundView background(Catalogue catalogue, Background background, Lang lang) {
        if (background == null) {
            return null;
        }
        Set<String> recognised = SkillMatcher.recognise(catalogue, background.skillsOrEmpty());
        return new BackgroundView(
                recognised.stream().map(id -> new Recognised(id, catalogue.skill(id).orElseThrow().name().in(lang)))
                        .toList(),
                background.skillsOrEmpty(), background.interestsOrEmpty(), background.yearsOfExperience(),
                background.education(), background.education() == null ? null : EDUCATION_NOTE.in(lang));
    }
}
