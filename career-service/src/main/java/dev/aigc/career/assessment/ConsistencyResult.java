package dev.aigc.career.assessment;

import java.util.List;

/**
 * Whether the answers look carefully given.
 *
 * @param inconsistencyIndex mean gap between the keyed answers of each check pair (0 = perfectly consistent)
 * @param contradictions     pairs whose keyed answers are at least the contradiction gap apart
 * @param longestRun         most identical answers in a row, in presentation order
 * @param reasons            why the answers were flagged; empty when consistent
 */
public record ConsistencyResult(Verdict verdict, double inconsistencyIndex, List<PairGap> pairs, int contradictions,
        int longestRun, List<Reason> reasons) {

    public enum Verdict { CONSISTENT, INCONSISTENT }

    public enum Code { INCONSISTENT_PAIRS, CONTRADICTIONS, LONG_STRING }

    /** One failed rule, with the measured value and the limit it broke. */
    public record Reason(Code code, double value, double limit) {
    }

    /** Keyed answers of one check pair and how far apart they are. */
    public record PairGap(String first, String second, String kind, int firstKeyed, int secondKeyed, int gap) {
    }
}
