package dev.aigc.career.recommend;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.aigc.career.assessment.AnswerSheet;
import dev.aigc.career.assessment.Background;
import dev.aigc.career.assessment.ValidAnswerSheet;

/**
 * Either the answers to a questionnaire, or the dimension scores of an earlier assessment (exactly one), plus an
 * optional background.
 */
@ValidAnswerSheet
@Schema(description = "Give answers, or the 0-100 dimension scores returned by an earlier assessment")
public record RecommendationRequest(
        @Schema(description = "Questionnaire version; the current one when omitted", example = "v1")
        @Size(max = 20) String questionnaireVersion,
        @Schema(description = "Item id -> answer on the 1-5 scale; every item must be answered")
        Map<String, Integer> answers,
        @Schema(description = "Dimension id -> 0-100 score from an earlier assessment, instead of answers")
        Map<String, Double> scores,
        @Valid Background background) implements AnswerSheet {

    @Override
    public boolean acceptsScores() {
        return true;
    }
}
