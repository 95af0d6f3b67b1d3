package dev.aigc.classifier.classify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One image as JSON: either {@code pixels} (784 values in [0, 1], row-major 28 × 28, white ink = 1 on black = 0,
 * i.e. already MNIST-style) or {@code imageBase64} (a PNG, JPEG, GIF or BMP of any size and either polarity).
 */
@Schema(description = "Exactly one of pixels or imageBase64",
        example = "{\"imageBase64\": \"" + ClassificationRequest.EXAMPLE_PNG + "\"}")
public record ClassificationRequest(
        @Schema(description = "784 values in [0, 1]: a 28 × 28 MNIST-style image, white ink on black")
        @Size(min = 784, max = 784, message = "must hold exactly 784 values (28 × 28)")
        List<@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Float> pixels,
        @Schema(description = "A PNG, JPEG, GIF or BMP image, Base64-encoded")
        String imageBase64) {

    /** A 32 × 32 PNG of a hand-drawn 7, black on white (the OpenAPI example). */
    public static final String EXAMPLE_PNG = "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAAAAABWESUoAAAAjUlEQVR4Xs3QsQ2AMAxEUZMiBYI9mIE1YJpsyUQgRBR8d0YUNLiKwtMXse0vY3zB8ydQstHMCEb+bh0CLUwIcLZkabuOMVjMlnoMgQvEwAVC4AMh8IEIQABBW0Yq7Q7Avc6x3cWF/FA4B/8gAPCEXQEHBHCAgQQYSICABgisEiAwSIBA6e8V1uFnynwHB3e9bvFkiZ3QAAAAAElFTkSuQmCC";

    @JsonIgnore
    @AssertTrue(message = "exactly one of 'pixels' or 'imageBase64' is required")
    public boolean isOneInput() {
        return (pixels == null) != (imageBase64 == null);
    }
}
