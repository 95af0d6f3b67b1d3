package dev.aigc.career.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aigc.career.questionnaire.Item;
import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.questionnaire.Scale;

/**
 * The published scoring key: a reverse-keyed answer counts as {@code 6 - answer}; a dimension's score is the mean
 * of its keyed answers rescaled from 1–5 to 0–100; the tolerance index is the mean of the tolerance dimensions.
 */
public final class Scorer {

    private Scorer() {
    }

    /** Answers must be complete and in range (the request validation guarantees it). */
    public static List<DimensionScore> score(Questionnaire questionnaire, Map<String, Integer> answers) {
        Scale scale = questionnaire.scale();
        List<DimensionScore> scores = new ArrayList<>();
        for (String dimension : questionnaire.dimensionIds()) {
            List<Item> items = questionnaire.itemsOf(dimension);
            double sum = 0;
            for (Item item : items) {
                sum += keyed(scale, item, answer(answers, item));
            }
            double mean = sum / items.size();
            double score = scale.toPercent(mean);
            scores.add(new DimensionScore(dimension, mean, score, questionnaire.scoring().bands().bandOf(score)));
        }
        return scores;
    }

    public static int keyed(Scale scale, Item item, int answer) {
        return item.reverse() ? scale.reverse(answer) : answer;
    }

    public static Scores asScores(List<DimensionScore> scores) {
        Map<String, Double> values = new LinkedHashMap<>();
        scores.forEach(s -> values.put(s.dimension(), s.score()));
        return new Scores(values);
    }

    /** Mean of the tolerance dimensions' scores. */
    public static double toleranceIndex(Questionnaire questionnaire, Scores scores) {
        List<String> dimensions = questionnaire.scoring().tolerance().dimensions();
        return dimensions.stream().mapToDouble(scores::of).sum() / dimensions.size();
    }

    private static int answer(Map<String, Integer> answers, Item item) {
        Integer answer = answers.get(item.id());
        if (answer == null) {
            throw new IllegalArgumentException("missing answer for item " + item.id());
        }
        return answer;
    }
}
