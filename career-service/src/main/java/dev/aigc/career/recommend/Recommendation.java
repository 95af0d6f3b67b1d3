package dev.aigc.career.recommend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.aigc.career.assessment.Assessment;
import dev.aigc.career.assessment.Background;
import dev.aigc.career.assessment.Scores;
import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.questionnaire.Questionnaire;

/**
 * The whole recommendation before it is put into words. {@code assessment} is null when the request gave scores
 * instead of answers.
 */
public record Recommendation(Questionnaire questionnaire, Catalogue catalogue, Assessment assessment, Scores scores,
        Background background, BackgroundProfile profile, Ranking ranking, Optional<Drivers> drivers,
        Optional<WhatIf> whatIf) {

    /** Deterministic: the same request always gives the same recommendation. */
    public static Recommendation of(Questionnaire questionnaire, Catalogue catalogue, RecommendationRequest request) {
        Assessment assessment = request.answers() != null && !request.answers().isEmpty()
                ? Assessment.of(questionnaire, request.answers())
                : null;
        Scores scores = assessment != null ? assessment.scores() : ordered(questionnaire, request);
        BackgroundProfile profile = BackgroundProfile.of(catalogue, request.background());
        Ranking ranking = Ranking.of(catalogue, scores, profile);
        Optional<Drivers> drivers = Drivers.analyse(catalogue, questionnaire,
                assessment == null ? null : assessment.answers(), scores, profile, ranking);
        Optional<WhatIf> whatIf = WhatIf.analyse(catalogue, questionnaire, scores, profile, ranking);
        return new Recommendation(questionnaire, catalogue, assessment, scores, request.background(), profile,
                ranking, drivers, whatIf);
    }

    /** Scores in the questionnaire's dimension order, whatever order the request listed them in. */
    private static Scores ordered(Questionnaire questionnaire, RecommendationRequest request) {
        Map<String, Double> values = new LinkedHashMap<>();
        questionnaire.dimensionIds().forEach(d -> values.put(d, request.scores().get(d)));
        return new Scores(values);
    }
}
