package dev.aigc.career.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.aigc.career.assessment.ConsistencyResult.Code;
import dev.aigc.career.assessment.ConsistencyResult.PairGap;
import dev.aigc.career.assessment.ConsistencyResult.Reason;
import dev.aigc.career.assessment.ConsistencyResult.Verdict;
import dev.aigc.career.questionnaire.ConsistencyRules;
import dev.aigc.career.questionnaire.Item;
import dev.aigc.career.questionnaire.Questionnaire;

/**
 * Flags careless answering with two indices from the survey-methods literature: psychometric synonym/antonym
 * pairs (after keying, the two answers of a pair should be close) and the long-string index (straight-lining
 * down the page). The questionnaire mixes plain and reverse-keyed statements in every block, so a straight-liner
 * also contradicts the opposite pairs.
 */
public final class ConsistencyCheck {

    private ConsistencyCheck() {
    }

    public static ConsistencyResult check(Questionnaire questionnaire, Map<String, Integer> answers) {
        ConsistencyRules rules = questionnaire.consistency();
        Map<String, Item> items = questionnaire.itemsById();
        List<PairGap> pairs = new ArrayList<>();
        int contradictions = 0;
        double gapSum = 0;
        for (ConsistencyRules.Pair pair : rules.pairs()) {
            int first = Scorer.keyed(questionnaire.scale(), items.get(pair.first()), answers.get(pair.first()));
            int second = Scorer.keyed(questionnaire.scale(), items.get(pair.second()), answers.get(pair.second()));
            int gap = Math.abs(first - second);
            pairs.add(new PairGap(pair.first(), pair.second(), pair.kind().name(), first, second, gap));
            gapSum += gap;
            if (gap >= rules.contradictionGap()) {
                contradictions++;
            }
        }
        double index = pairs.isEmpty() ? 0 : gapSum / pairs.size();
        int longestRun = longestRun(questionnaire, answers);

        List<Reason> reasons = new ArrayList<>();
        if (index > rules.maxInconsistencyIndex()) {
            reasons.add(new Reason(Code.INCONSISTENT_PAIRS, index, rules.maxInconsistencyIndex()));
        }
        if (contradictions > rules.maxContradictions()) {
            reasons.add(new Reason(Code.CONTRADICTIONS, contradictions, rules.maxContradictions()));
        }
        if (longestRun >= rules.longStringLimit()) {
            reasons.add(new Reason(Code.LONG_STRING, longestRun, rules.longStringLimit()));
        }
        Verdict verdict = reasons.isEmpty() ? Verdict.CONSISTENT : Verdict.INCONSISTENT;
        return new ConsistencyResult(verdict, index, List.copyOf(pairs), contradictions, longestRun, List.copyOf(reasons));
    }

    static int longestRun(Questionnaire questionnaire, Map<String, Integer> answers) {
        int longest = 0;
        int run = 0;
        Integer previous = null;
        for (Item item : questionnaire.items()) {
            Integer answer = answers.get(item.id());
            run = answer.equals(previous) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = answer;
        }
        return longest;
    }
}
