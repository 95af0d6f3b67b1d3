package dev.aigc.serving.batch;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a {@link DynamicBatcher} forms batches. Bindable as part of a service's {@code @ConfigurationProperties}
 * record (e.g. {@code classifier.batching.max-batch-size: 32}); every component has a default.
 *
 * @param enabled       when false every item runs alone (a batch of one) on the same workers: the baseline of the
 *                      batching on/off benchmark
 * @param maxBatchSize  the most items one forward pass takes
 * @param maxDelay      how long a batch may wait for more items after its first item arrived
 * @param queueCapacity how many items may wait; beyond that callers get {@link QueueFullException} (503)
 * @param workers       worker threads, each running its own batches (and holding its own predictor)
 * @param timeout       how long a caller waits for its result, queueing included, before failing with 503
 */
public record BatcherSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("32") @Min(1) @Max(4096) int maxBatchSize,
        @DefaultValue("5ms") @NotNull Duration maxDelay,
        @DefaultValue("256") @Min(1) int queueCapacity,
        @DefaultValue("1") @Min(1) @Max(64) int workers,
        @DefaultValue("30s") @NotNull Duration timeout) {

    public BatcherSettings {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        if (maxDelay == null || maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must be zero or positive, was " + maxDelay);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** The defaults: enabled, 32 items, 5 ms, 256 waiting, one worker, 30 s. */
    public static BatcherSettings defaults() {
        return new BatcherSettings(true, 32, Duration.ofMillis(5), 256, 1, Duration.ofSeconds(30));
    }

    /** A copy with batching switched on or off (everything else unchanged). */
    public BatcherSettings withEnabled(boolean on) {
        return new BatcherSettings(on, maxBatchSize, maxDelay, queueCapacity, workers, timeout);
    }

    /** A copy with another batch size limit. */
    public BatcherSettings withMaxBatchSize(int size) {
        return new BatcherSettings(enabled, size, maxDelay, queueCapacity, workers, timeout);
    }

    /** The number of items one worker takes at once: {@code maxBatchSize}, or 1 when batching is off. */
    public int effectiveBatchSize() {
        return enabled ? maxBatchSize : 1;
    }
}
