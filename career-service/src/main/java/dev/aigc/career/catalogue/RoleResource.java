package dev.aigc.career.catalogue;

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
import dev.aigc.career.questionnaire.QuestionnaireRepository;
import dev.aigc.career.text.Languages;
import dev.aigc.career.text.SupportedLanguage;
import dev.aigc.career.text.SupportedLanguage.Kind;

@RestController
@RequestMapping("/api/v1/career/roles")
@Tag(name = "Career roles", description = "Role catalogue held as versioned data; every fact names its source")
class RoleResource {

    private final CatalogueRepository catalogues;
    private final QuestionnaireRepository questionnaires;
    private final CareerProperties properties;

    RoleResource(CatalogueRepository catalogues, QuestionnaireRepository questionnaires, CareerProperties properties) {
        this.catalogues = catalogues;
        this.questionnaires = questionnaires;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "All roles", description = "Profiles, salary ranges, development paths, skill plans, the interest vocabulary and the sources.")
    @ApiResponse(responseCode = "200", description = "The catalogue")
    CatalogueView roles(
            @Parameter(description = "Response language: zh or en (overrides Accept-Language)", example = "en")
            @RequestParam(name = Languages.PARAM, required = false) @SupportedLanguage String lang,
            @Parameter(description = "Used when lang is absent, e.g. zh-CN,zh;q=0.9")
            @RequestHeader(name = Languages.HEADER, required = false) @SupportedLanguage(Kind.HEADER) String acceptLanguage) {
        return CatalogueView.of(catalogues.catalogue(), questionnaires.current(),
                Languages.resolve(lang, acceptLanguage, properties.defaultLanguage()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One role")
    @ApiResponse(responseCode = "200", description = "The role profile")
    @ApiResponse(responseCode = "404", description = "No role with this id")
    CatalogueView.One role(
            @Parameter(description = "Role id", example = "data-scientist") @PathVariable String id,
            @Parameter(description = "Response language: zh or en (overrides Accept-Language)", example = "en")
            @RequestParam(name = Languages.PARAM, required = false) @SupportedLanguage String lang,
            @Parameter(description = "Used when lang is absent, e.g. zh-CN,zh;q=0.9")
            @RequestHeader(name = Languages.HEADER, required = false) @SupportedLanguage(Kind.HEADER) String acceptLanguage) {
        return CatalogueView.One.of(catalogues.catalogue(), catalogues.role(id), questionnaires.current(),
                Languages.resolve(lang, acceptLanguage, properties.defaultLanguage()));
    }
}
