package dev.aigc.gan.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Generated digits with everything needed to draw them again. */
record GenerationResponse(String model, String version, long seed, int count, ImageFormat format,
                          double truncation, List<Image> images) {

    /**
     * @param digit  the digit asked of the generator (null for an unconditional model)
     * @param png    base64 PNG, 28×28 gray (format png)
     * @param pixels 784 gray levels 0–255, row-major, white ink on black (format pixels)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Image(int index, Integer digit, String png, int[] pixels) {
    }
}
