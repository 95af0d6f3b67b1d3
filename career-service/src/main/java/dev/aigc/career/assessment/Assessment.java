package dev.aigc.career.assessment;

import java.util.List;
import java.util.Map;

import dev.aigc.career.questionnaire.Band;
import dev.aigc.career.questionnaire.Questionnaire;

/** The scored answers of one person: dimension scores, tolerance index and band, and the consistency verdict. */
public record Assessment(Questionnaire questionnaire, Map<String, Integer> answers, List<DimensionScore> dimensions,
        double toleranceIndex, Band toleranceBand, ConsistencyResult consistency) {

    /** Answers must be complete and within the scale. */
    public static Assessment of(Questionnaire questionnaire, Map<String, Integer> answers) {
        List<DimensionScore> dimensions = Scorer.score(questionnaire, answers);
        double index = Scorer.toleranceIndex(questionnaire, Scorer.asScores(dimensions));
        return new Assessment(questionnaire, Map.copyOf(answers), dimensions, index,
                questionnaire.scoring().bands().bandOf(index), ConsistencyCheck.check(questionnaire, answers));
    }

    public Scores scores() {
        return Scorer.asScores(dimensions);
    }
}
