package dev.aigc.classifier;

import dev.aigc.serving.batch.BatcherSettings;
import dev.aigc.serving.image.ImageLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the classifier under {@code classifier.*}.
 *
 * @param models   where the versioned model directories are and which one starts active
 * @param batching how requests are grouped into forward passes ({@code enabled: false} runs one image per pass)
 * @param limits   request limits
 */
@Validated
@ConfigurationProperties("classifier")
public record ClassifierProperties(
        @DefaultValue @Valid @NotNull Models models,
        @DefaultValue @Valid @NotNull BatcherSettings batching,
        @DefaultValue @Valid @NotNull Limits limits) {

    /**
     * @param location       a directory or {@code classpath:models/mnist} (the weights shipped in the jar)
     * @param defaultVersion the version to serve at start; empty for the newest
     */
    public record Models(@DefaultValue("classpath:models/mnist") @NotBlank String location, String defaultVersion) {
    }

    /**
     * @param maxBatchImages images accepted by one {@code /classifications/batch} or v2 infer request
     * @param maxTopK        the largest {@code k}
     * @param image          size limits of an uploaded image
     */
    public record Limits(
            @DefaultValue("64") @Min(1) @Max(1024) int maxBatchImages,
            @DefaultValue("10") @Min(1) @Max(10) int maxTopK,
            @DefaultValue @Valid @NotNull ImageLimits image) {
    }
}
