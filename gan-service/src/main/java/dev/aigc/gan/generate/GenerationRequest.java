package dev.aigc.gan.generate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param count  images to draw, 1–256 (default 1)
 * @param digit  the digit to draw, 0–9; absent for a random digit per image
 * @param seed   noise seed; the same seed and parameters give identical images (random when absent, and returned)
 * @param format {@code png} (default) or {@code pixels}
 * @param truncation noise scale ψ in [0.05, 1] (default {@code gan.truncation}); smaller is more legible, less varied
 */
@Schema(example = "{\"count\": 8, \"digit\": 7, \"seed\": 42, \"format\": \"png\"}")
record GenerationRequest(@Min(1) @Max(256) Integer count,
                         @Min(0) @Max(9) Integer digit,
                         Long seed,
                         ImageFormat format,
                         @DecimalMin("0.05") @DecimalMax("1.0") Double truncation) {

    int countOrDefault() {
        return count == null ? 1 : count;
    }

    ImageFormat formatOrDefault() {
        return format == null ? ImageFormat.PNG : format;
    }
}
