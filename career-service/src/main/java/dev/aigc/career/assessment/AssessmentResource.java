package dev.aigc.career.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.aigc.career.CareerProperties;
import dev.aigc.career.catalogue.CatalogueRepository;
import dev.aigc.career.questionnaire.QuestionnaireRepository;
import dev.aigc.career.text.Languages;
import dev.aigc.career.text.SupportedLanguage;
import dev.aigc.career.text.SupportedLanguage.Kind;

@RestController
@RequestMapping("/api/v1/career/assessments")
@Tag(name = "Career assessment", description = "Scores answers transparently; nothing is stored")
class AssessmentResource {

    private final QuestionnaireRepository questionnaires;
    private final CatalogueRepository catalogues;
    private final CareerProperties properties;

    AssessmentResource(QuestionnaireRepository questionnaires, CatalogueRepository catalogues,
            CareerProperties properties) {
        this.questionnaires = questionnaires;
        this.catalogues = catalogues;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Score a set of answers",
            description = "Returns each dimension's 0-100 score with a plain-language interpretation, the tolerance band (high/medium/low) and the consistency verdict.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "careful, high tolerance", value = Examples.HIGH_TOLERANCE),
            @ExampleObject(name = "straight-liner (flagged)", value = Examples.STRAIGHT_LINER)}))
    @ApiResponse(responseCode = "200", description = "The assessment")
    @ApiResponse(responseCode = "400", description = "Missing, unknown or out-of-range answers; unknown version; unsupported language")
    AssessmentView assess(
            @Valid @RequestBody AssessmentRequest body,
            @Parameter(description = "Response language: zh or en (overrides Accept-Language)", example = "en")
            @RequestParam(name = Languages.PARAM, required = false) @SupportedLanguage String lang,
            @Parameter(description = "Used when lang is absent, e.g. zh-CN,zh;q=0.9")
            @RequestHeader(name = Languages.HEADER, required = false) @SupportedLanguage(Kind.HEADER) String acceptLanguage) {
        Assessment assessment = Assessment.of(questionnaires.get(body.questionnaireVersion()), body.answers());
        return AssessmentView.of(assessment, catalogues.catalogue(), body.background(),
                Languages.resolve(lang, acceptLanguage, properties.defaultLanguage()));
    }
}
