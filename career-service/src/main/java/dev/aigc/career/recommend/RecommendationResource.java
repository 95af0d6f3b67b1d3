package dev.aigc.career.recommend;

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
import dev.aigc.career.assessment.Examples;
import dev.aigc.career.catalogue.CatalogueRepository;
import dev.aigc.career.questionnaire.QuestionnaireRepository;
import dev.aigc.career.text.Languages;
import dev.aigc.career.text.SupportedLanguage;
import dev.aigc.career.text.SupportedLanguage.Kind;

@RestController
@RequestMapping("/api/v1/career/recommendations")
@Tag(name = "Career recommendations", description = "Explainable role ranking; for exploration, never for screening applicants")
class RecommendationResource {

    private final QuestionnaireRepository questionnaires;
    private final CatalogueRepository catalogues;
    private final CareerProperties properties;

    RecommendationResource(QuestionnaireRepository questionnaires, CatalogueRepository catalogues,
            CareerProperties properties) {
        this.questionnaires = questionnaires;
        this.catalogues = catalogues;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Rank the roles for a set of answers (or earlier scores)",
            description = "Each role comes with its fit breakdown (tolerance match, skills, interest, weights), salary range, development path tied to the national standard's levels and a skill plan; the response also names the answers that drove the ranking and the smallest change that would swap the top two.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "answers, high tolerance", value = Examples.HIGH_TOLERANCE),
            @ExampleObject(name = "answers, low tolerance", value = Examples.LOW_TOLERANCE),
            @ExampleObject(name = "scores of an earlier assessment", value = Examples.SCORES)}))
    @ApiResponse(responseCode = "200", description = "The ranked roles")
    @ApiResponse(responseCode = "400", description = "Missing, unknown or out-of-range answers or scores; unknown version or interest; unsupported language")
    RecommendationView recommend(
            @Valid @RequestBody RecommendationRequest body,
            @Parameter(description = "Response language: zh or en (overrides Accept-Language)", example = "en")
            @RequestParam(name = Languages.PARAM, required = false) @SupportedLanguage String lang,
            @Parameter(description = "Used when lang is absent, e.g. zh-CN,zh;q=0.9")
            @RequestHeader(name = Languages.HEADER, required = false) @SupportedLanguage(Kind.HEADER) String acceptLanguage) {
        Recommendation recommendation = Recommendation.of(questionnaires.get(body.questionnaireVersion()),
                catalogues.catalogue(), body);
        return RecommendationView.of(recommendation,
                Languages.resolve(lang, acceptLanguage, properties.defaultLanguage()));
    }
}
