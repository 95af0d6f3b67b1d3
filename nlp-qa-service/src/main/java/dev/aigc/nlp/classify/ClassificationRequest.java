package dev.aigc.nlp.classify;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Text to classify against the caller's labels (1–20 labels, each up to 50 characters). */
public record ClassificationRequest(
        @Schema(example = "这款手机的电池续航很差，充一次电只能用半天。") @NotBlank @Size(max = 2000) String text,
        @Schema(example = "[\"科技\", \"体育\", \"美食\"]")
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) String> labels) {
}
