package dev.aigc.career;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.aigc.career.text.Lang;

/**
 * Which data versions the service answers with by default, and the language used when a request names none.
 *
 * @param questionnaireVersion version served by {@code /questionnaires/current} and used when a request omits one
 * @param catalogueVersion     role catalogue version used for every recommendation
 * @param defaultLanguage      language when neither {@code lang} nor {@code Accept-Language} is given
 */
@Validated
@ConfigurationProperties("career")
public record CareerProperties(
        @NotBlank @DefaultValue("v1") String questionnaireVersion,
        @NotBlank @DefaultValue("v1") String catalogueVersion,
        @NotNull @DefaultValue("ZH") Lang defaultLanguage) {
}
