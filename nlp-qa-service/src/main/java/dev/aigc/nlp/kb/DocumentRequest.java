package dev.aigc.nlp.kb;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A document to ingest: plain text or Markdown; {@code lang} zh | en, detected when omitted. */
public record DocumentRequest(
        @Schema(example = "Installing Gradle") @NotBlank @Size(max = 200) String title,
        @Schema(example = "Gradle is a build tool for Java. Install it with SDKMAN and check it with gradle -v.")
        @NotBlank String text,
        @Schema(example = "team wiki") @Size(max = 500) String source,
        @Schema(example = "en") @Pattern(regexp = "zh|en", message = "must be 'zh' or 'en'") String lang) {
}
