package dev.aigc.career.questionnaire;

import java.util.List;
import java.util.Locale;

import dev.aigc.career.text.Lang;
import dev.aigc.career.text.Text;

/** A questionnaire version in one language, with its complete scoring key and consistency rules. */
public record QuestionnaireView(String version, String language, String title, String instructions,
        ScaleView scale, List<DimensionView> dimensions, List<ItemView> items, ScoringKey scoringKey,
        ConsistencyView consistency, List<CitationView> citations) {

    public record ScaleView(int min, int max, List<LabelView> labels) {
    }

    public record LabelView(int value, String label) {
    }

    public record DimensionView(String id, String name, String definition, List<String> grounding) {
    }

    public record ItemView(String id, int order, String dimension, boolean reverseKeyed, String text) {
    }

    public record ScoringKey(String method, String reverseRule, List<DimensionKey> dimensions, double lowBelow,
            double highFrom, String bands, ToleranceKey toleranceIndex) {
    }

    public record DimensionKey(String dimension, List<String> items, List<String> reverseKeyed) {
    }

    public record ToleranceKey(List<String> dimensions, String method, List<BandView> bands) {
    }

    public record BandView(String band, String description) {
    }

    public record ConsistencyView(String method, List<ConsistencyRules.Pair> pairs, int contradictionGap,
            int maxContradictions, double maxInconsistencyIndex, int longStringLimit, List<String> citations) {
    }

    public record CitationView(String id, String text, String url, String usedFor) {
    }

    static final Text METHOD = new Text(
            "每题的得分就是所选的数字；反向计分题按“%1$d + %2$d − 答案”换算（1–5 量表即 6 − 答案）。一个维度的得分是其各题换算后得分的平均数，再从 %1$d–%2$d 线性换算到 0–100：(平均数 − %1$d) ÷ %3$d × 100。",
            "An item scores the number chosen; a reverse-keyed item scores %1$d + %2$d - answer (6 - answer on a 1-5 scale). A dimension's score is the mean of its keyed items, rescaled linearly from %1$d-%2$d to 0-100: (mean - %1$d) / %3$d x 100.");
    static final Text BANDS = new Text(
            "低于 %1$s 为低，%1$s 到 %2$s 之间为中，%2$s 及以上为高。这两个分界对应换算后平均数 2.5 和 3.5，即“偏向不同意”和“偏向同意”；它们按量表含义划定，不是人群常模的百分位。",
            "Below %1$s is low, from %1$s up to %2$s is medium, %2$s and above is high. The cut-offs are keyed means of 2.5 and 3.5, leaning to disagree and leaning to agree; they follow the meaning of the scale and are not percentiles of any population norm.");
    static final Text TOLERANCE = new Text(
            "容错指数是以下维度得分的平均数，按同样的分界划分高、中、低：%s。",
            "The tolerance index is the mean of these dimension scores, banded with the same cut-offs: %s.");
    static final Text CONSISTENCY = new Text(
            "每一对题目要么意思相近（similar），要么意思相反（opposite）；换算反向计分后，两题的得分应当接近。不一致指数是所有题对换算后得分差的平均数，超过 %1$s 判为不一致；得分差达到 %2$d 记为一次矛盾，矛盾超过 %3$d 次判为不一致；按题目顺序连续 %4$d 题或更多给出完全相同的答案，判为“一条线”作答。",
            "Each pair holds two statements that mean nearly the same (similar) or the opposite (opposite); once reverse keys are applied their scores should be close. The inconsistency index is the mean keyed gap over all pairs; above %1$s the answers are flagged. A keyed gap of %2$d or more is a contradiction, and more than %3$d contradictions are flagged. %4$d or more identical answers in a row, in presentation order, are flagged as straight-lining.");

    public static QuestionnaireView of(Questionnaire q, Lang lang) {
        Scale scale = q.scale();
        ScaleView scaleView = new ScaleView(scale.min(), scale.max(),
                scale.labels().stream().map(l -> new LabelView(l.value(), l.text().in(lang))).toList());
        List<DimensionView> dimensions = q.dimensions().stream()
                .map(d -> new DimensionView(d.id(), d.name().in(lang), d.definition().in(lang), d.grounding()))
                .toList();
        List<ItemView> items = q.items().stream()
                .map(i -> new ItemView(i.id(), i.order(), i.dimension(), i.reverse(), i.text().in(lang))).toList();
        List<DimensionKey> keys = q.dimensionIds().stream()
                .map(d -> new DimensionKey(d, q.itemsOf(d).stream().map(Item::id).toList(),
                        q.itemsOf(d).stream().filter(Item::reverse).map(Item::id).toList()))
                .toList();
        Cutoffs cutoffs = q.scoring().bands();
        Scoring.Tolerance tolerance = q.scoring().tolerance();
        List<BandView> toleranceBands = List.of(Band.values()).stream()
                .map(b -> new BandView(b.code(), tolerance.bands().of(b).in(lang))).toList();
        ScoringKey key = new ScoringKey(
                format(METHOD, lang, scale.min(), scale.max(), scale.max() - scale.min()),
                q.scoring().reverseKey(), keys, cutoffs.lowBelow(), cutoffs.highFrom(),
                format(BANDS, lang, cutoffs.lowBelow(), cutoffs.highFrom()),
                new ToleranceKey(tolerance.dimensions(),
                        format(TOLERANCE, lang, String.join(", ", tolerance.dimensions())), toleranceBands));
        ConsistencyRules rules = q.consistency();
        ConsistencyView consistency = new ConsistencyView(
                format(CONSISTENCY, lang, rules.maxInconsistencyIndex(), rules.contradictionGap(),
                        rules.maxContradictions(), rules.longStringLimit()),
                rules.pairs(), rules.contradictionGap(), rules.maxContradictions(), rules.maxInconsistencyIndex(),
                rules.longStringLimit(), rules.citations());
        List<CitationView> citations = q.citations().stream()
                .map(c -> new CitationView(c.id(), c.text(), c.url(), c.usedFor().in(lang))).toList();
        return new QuestionnaireView(q.version(), lang.code(), q.title().in(lang), q.instructions().in(lang),
                scaleView, dimensions, items, key, consistency, citations);
    }

    static String format(Text text, Lang lang, Object... args) {
        return String.format(Locale.ROOT, text.in(lang), args);
    }
}
