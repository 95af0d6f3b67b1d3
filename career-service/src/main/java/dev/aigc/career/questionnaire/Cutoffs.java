package dev.aigc.career.questionnaire;

/**
 * Band cut-offs on the 0–100 scale: below {@code lowBelow} is low, from {@code highFrom} up is high, between is
 * medium. With 1–5 answers, 37.5 and 62.5 are keyed means of 2.5 and 3.5: leaning to disagree, leaning to agree.
 */
public record Cutoffs(double lowBelow, double highFrom) {

    public Band bandOf(double score) {
        if (score < lowBelow) {
            return Band.LOW;
        }
        return score >= highFrom ? Band.HIGH : Band.MEDIUM;
    }
}
