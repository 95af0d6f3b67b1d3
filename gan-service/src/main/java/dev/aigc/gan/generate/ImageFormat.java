package dev.aigc.gan.generate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How generated digits come back: PNG files as base64, or 784 raw gray levels (0–255, row-major). */
public enum ImageFormat {
    @JsonProperty("png") PNG,
    @JsonProperty("pixels") PIXELS
}
