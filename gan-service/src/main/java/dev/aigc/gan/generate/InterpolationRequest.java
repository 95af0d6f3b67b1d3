package dev.aigc.gan.generate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A walk through latent space from one (digit, seed) to another.
 *
 * @param steps  images including both ends, 2–32 (default 8)
 * @param format {@code png} (one strip, default) or {@code json} (one base64 PNG per step)
 */
@Schema(example = "{\"from\": {\"digit\": 1, \"seed\": 7}, \"to\": {\"digit\": 7, \"seed\": 9}, \"steps\": 8,"
        + " \"format\": \"png\"}")
record InterpolationRequest(@NotNull @Valid Endpoint from,
                            @NotNull @Valid Endpoint to,
                            @Min(2) @Max(32) Integer steps,
                            Format format) {

    record Endpoint(@NotNull @Min(0) @Max(9) Integer digit, @NotNull Long seed) {
    }

    enum Format {
        @JsonProperty("png") PNG,
        @JsonProperty("json") JSON
    }

    int stepsOrDefault() {
        return steps == null ? 8 : steps;
    }

    Format formatOrDefault() {
        return format == null ? Format.PNG : format;
    }
}
