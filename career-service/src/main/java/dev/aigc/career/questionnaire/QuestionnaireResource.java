package dev.aigc.career.questionnaire;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.aigc.career.CareerProperties;
import dev.aigc.career.text.Languages;
import dev.aigc.career.text.SupportedLanguage;
import dev.aigc.career.text.SupportedLanguage.Kind;

@RestController
@RequestMapping("/api/v1/career/questionnaires")
@Tag(name = "Career questionnaire", description = "Versioned Likert questionnaire with its published scoring key")
class QuestionnaireResource {

    private final QuestionnaireRepository questionnaires;
    private final CareerProperties properties;

    QuestionnaireResource(QuestionnaireRepository questionnaires, CareerProperties properties) {
        this.questionnaires = questionnaires;
        this.properties = properties;
    }

    @GetMapping("/current")
    @Operation(summary = "The current questionnaire",
            description = "Items, dimensions, scoring key, band cut-offs, consistency rules and citations, in Chinese or English.")
    @ApiResponse(responseCode = "200", description = "The questionnaire")
    @ApiResponse(responseCode = "400", description = "Unsupported language")
    QuestionnaireView current(
            @Parameter(description = "Response language: zh or en (overrides Accept-Language)", example = "en")
            @RequestParam(name = Languages.PARAM, required = false) @SupportedLanguage String lang,
            @Parameter(description = "Used when lang is absent, e.g. zh-CN,zh;q=0.9")
            @RequestHeader(name = Languages.HEADER, required = false) @SupportedLanguage(Kind.HEADER) String acceptLanguage) {
        return QuestionnaireView.of(questionnaires.current(),
                Languages.resolve(lang, acceptLanguage, properties.defaultLanguage()));
    }

    @GetMapping("/{version}")
    @Operation(summary = "One questionnaire version", description = "Earlier or later versions stay available by name.")
    @ApiResponse(responseCode = "200", description = "The questionnaire")
    @ApiResponse(responseCode = "404", description = "No such version")
    QuestionnaireView version(
            @Parameter(description = "Questionnaire version", example = "v1") @PathVariable String version,
            @Parameter(description = "Response language: zh or en (overrides Accept-Language)", example = "en")
            @RequestParam(name = Languages.PARAM, required = false) @SupportedLanguage String lang,
            @Parameter(description = "Used when lang is absent, e.g. zh-CN,zh;q=0.9")
            @RequestHeader(name = Languages.HEADER, required = false) @SupportedLanguage(Kind.HEADER) String acceptLanguage) {
        return QuestionnaireView.of(questionnaires.get(version),
                Languages.resolve(lang, acceptLanguage, properties.defaultLanguage()));
    }
}
