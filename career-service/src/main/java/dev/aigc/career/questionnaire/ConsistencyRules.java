package dev.aigc.career.questionnaire;

import java.util.List;

/**
 * The careless-answering check: pairs of near-duplicate ("similar") or opposite statements whose keyed answers
 * should agree, and a limit on runs of identical answers in presentation order.
 *
 * @param contradictionGap      keyed answers of a pair this far apart count as a contradiction
 * @param maxContradictions     more contradictions than this flag the answers
 * @param maxInconsistencyIndex a mean keyed gap over all pairs above this flags the answers
 * @param longStringLimit       this many identical answers in a row flag the answers
 */
public record ConsistencyRules(List<Pair> pairs, int contradictionGap, int maxContradictions,
        double maxInconsistencyIndex, int longStringLimit, List<String> citations) {

    public enum Kind { similar, opposite }

    public record Pair(String first, String second, Kind kind) {
    }
}
