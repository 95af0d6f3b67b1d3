package dev.aigc.nlp.generate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A generation request. {@code temperature} must be &gt; 0; {@code topK} 0 disables top-k; {@code topP} 1 disables
 * nucleus filtering; {@code repetitionPenalty} 1 disables the penalty; generation ends after {@code maxTokens}
 * characters or where the text would contain one of the {@code stop} sequences (which is not returned); the same
 * {@code seed} with the same settings and model version gives the same text.
 */
public record GenerationRequest(
        @Schema(example = "今天天气很好。") @NotBlank @Size(max = 200) String prompt,
        @Schema(example = "60") @Min(1) @Max(500) Integer maxTokens,
        @Schema(example = "0.8") @DecimalMin(value = "0", inclusive = false) @DecimalMax("5") Double temperature,
        @Schema(example = "20") @Min(0) @Max(1000) Integer topK,
        @Schema(example = "0.95") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double topP,
        @Schema(example = "1.15", description = "Penalty (≥ 1) on characters among the last 48; 1 = off")
        @DecimalMin("1") @DecimalMax("3") Double repetitionPenalty,
        @Schema(example = "[\"\\n\"]", description = "Up to 4 sequences (1-20 characters) that end the generation")
        @Size(max = 4) List<@NotEmpty @Size(max = 20) String> stop,
        @Schema(example = "42") Long seed) {

    public GenerationSettings settings() {
        return new GenerationSettings(maxTokens == null ? 60 : maxTokens, temperature == null ? 0.8 : temperature,
                topK == null ? 20 : topK, topP == null ? 0.95 : topP,
                repetitionPenalty == null ? DEFAULT_REPETITION_PENALTY : repetitionPenalty,
                stop == null ? List.of() : List.copyOf(stop), seed == null ? System.nanoTime() : seed);
    }

    /** The penalty used when a request names none (chosen on validation prompts, see docs/nlp-qa.md). */
    public static final double DEFAULT_REPETITION_PENALTY = 1.15;

    /** Resolved settings with defaults applied. */
    public record GenerationSettings(int maxTokens, double temperature, int topK, double topP,
                                     double repetitionPenalty, List<String> stop, long seed) {

        public GenerationSettings(int maxTokens, double temperature, int topK, double topP, long seed) {
            this(maxTokens, temperature, topK, topP, 1.0, List.of(), seed);
        }
    }
}
