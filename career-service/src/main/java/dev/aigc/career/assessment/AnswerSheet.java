package dev.aigc.career.assessment;

import java.util.Map;

/** A request that carries questionnaire answers (or, for recommendations, the scores of an earlier assessment). */
public interface AnswerSheet {

    String questionnaireVersion();

    Map<String, Integer> answers();

    /** Dimension scores from an earlier assessment; only recommendation requests may carry them. */
    default Map<String, Double> scores() {
        return null;
    }

    /** Whether {@link #scores()} may replace the answers. */
    default boolean acceptsScores() {
        return false;
    }

    Background background();
}
