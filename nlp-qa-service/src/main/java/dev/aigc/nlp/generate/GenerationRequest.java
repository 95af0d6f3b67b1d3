package dev.aigc.nlp.generate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A generation request. {@code temperature} must be &gt; 0; {@code topK} 0 disables top-k; {@code topP} 1 disables
 * nucleus filtering; the same {@code seed} with the same settings gives the same text.
 */
public record GenerationRequest(
        @Schema(example = "今天天气很好。") @NotBlank @Size(max = 200) String prompt,
        @Schema(example = "60") @Min(1) @Max(500) Integer maxTokens,
        @Schema(example = "0.8") @DecimalMin(value = "0", inclusive = false) @DecimalMax("5") Double temperature,
        @Schema(example = "20") @Min(0) @Max(1000) Integer topK,
        @Schema(example = "0.95") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double topP,
        @Schema(example = "42") Long seed) {

    public GenerationSettings settings() {
        return new GenerationSettings(maxTokens == null ? 60 : maxTokens, temperature == null ? 0.8 : temperature,
                topK == null ? 20 : topK, topP == null ? 0.95 : topP,
                seed == null ? System.nanoTime() : seed);
    }

    /** Resolved settings with defaults applied. */
    public record GenerationSettings(int maxTokens, double temperature, int topK, double topP, long seed) {
    }
}
