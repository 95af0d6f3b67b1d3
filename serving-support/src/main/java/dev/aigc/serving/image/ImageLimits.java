package dev.aigc.serving.image;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@link ImageDecoder} accepts, checked before any pixel is decoded. Bindable as part of a service's
 * {@code @ConfigurationProperties} record (e.g. {@code classifier.image.max-bytes: 5242880}).
 *
 * @param maxBytes  the largest encoded image, in bytes
 * @param maxWidth  the widest image, in pixels
 * @param maxHeight the tallest image, in pixels
 * @param maxPixels the most pixels (width × height), which bounds the memory one decode can take
 */
public record ImageLimits(
        @DefaultValue("5242880") @Min(1) long maxBytes,
        @DefaultValue("4096") @Min(1) int maxWidth,
        @DefaultValue("4096") @Min(1) int maxHeight,
        @DefaultValue("16777216") @Min(1) long maxPixels) {

    public ImageLimits {
        if (maxBytes < 1 || maxWidth < 1 || maxHeight < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("Image limits must be positive: " + maxBytes + " bytes, "
                    + maxWidth + "x" + maxHeight + ", " + maxPixels + " pixels");
        }
    }

    /** 5 MiB, 4096 × 4096, 16 Mpx. */
    public static ImageLimits defaults() {
        return new ImageLimits(5L << 20, 4096, 4096, 4096L * 4096);
    }
}
