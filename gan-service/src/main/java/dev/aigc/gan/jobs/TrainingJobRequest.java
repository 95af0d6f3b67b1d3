package dev.aigc.gan.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * A training job: fine-tunes (or trains from scratch) the conditional DCGAN on the MNIST training set.
 *
 * @param epochs              passes over the training set, 1–50 (default 1)
 * @param batchSize           8–1024 (default 128)
 * @param learningRate        Adam learning rate, (0, 0.01] (default 2e-4)
 * @param startFrom           version whose generator to start from; absent to start from scratch
 * @param maxBatchesPerEpoch  stop each epoch after this many batches (quick jobs); absent for whole epochs
 */
@Schema(example = "{\"epochs\": 1, \"batchSize\": 128, \"learningRate\": 0.0002, \"maxBatchesPerEpoch\": 50}")
record TrainingJobRequest(@Min(1) @Max(50) Integer epochs,
                          @Min(8) @Max(1024) Integer batchSize,
                          @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.01") Double learningRate,
                          @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a version name") String startFrom,
                          @Min(1) @Max(100_000) Integer maxBatchesPerEpoch) {

    int epochsOrDefault() {
        return epochs == null ? 1 : epochs;
    }

    int batchSizeOrDefault() {
        return batchSize == null ? 128 : batchSize;
    }

    float learningRateOrDefault() {
        return learningRate == null ? 2e-4f : learningRate.floatValue();
    }

    int maxBatchesOrZero() {
        return maxBatchesPerEpoch == null ? 0 : maxBatchesPerEpoch;
    }
}
