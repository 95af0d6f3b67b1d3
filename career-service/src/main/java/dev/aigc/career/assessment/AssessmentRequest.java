package dev.aigc.career.assessment;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Answers to one questionnaire version (the current one when omitted), plus an optional background. */
@ValidAnswerSheet
@Schema(description = "Answers keyed by item id, each 1-5")
public record AssessmentRequest(
        @Schema(description = "Questionnaire version; the current one when omitted", example = "v1")
        @Size(max = 20) String questionnaireVersion,
        @Schema(description = "Item id -> answer on the 1-5 scale; every item must be answered")
        Map<String, Integer> answers,
        @Valid Background background) implements AnswerSheet {
}
