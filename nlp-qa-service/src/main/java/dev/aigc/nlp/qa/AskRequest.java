package dev.aigc.nlp.qa;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question; {@code topK} citations (1–10, default 3); {@code mode} bm25 | dense | hybrid (default). */
public record AskRequest(
        @Schema(example = "如何安装Python？") @NotBlank @Size(max = 500) String question,
        @Schema(example = "3") @Min(1) @Max(10) Integer topK,
        @Schema(example = "hybrid") RetrievalMode mode) {

    public int topKOrDefault() {
        return topK == null ? 3 : topK;
    }

    public RetrievalMode modeOrDefault() {
        return mode == null ? RetrievalMode.HYBRID : mode;
    }
}
