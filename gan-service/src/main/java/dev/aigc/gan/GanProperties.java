package dev.aigc.gan;

import dev.aigc.serving.batch.BatcherSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the GAN service ({@code gan.*}).
 *
 * @param models           where model versions live
 * @param inferenceThreads PyTorch intra-op threads per operation (set before the engine starts); with 1, every
 *                         request and the training job each use at most one core
 * @param truncation       default noise scale ψ of generation (1 = plain N(0, I) noise; see docs/gan.md)
 * @param training         limits of training jobs
 * @param generation       how much generation work may run and wait at once
 */
@Validated
@ConfigurationProperties("gan")
public record GanProperties(@Valid @DefaultValue Models models,
                            @Min(1) @DefaultValue("1") int inferenceThreads,
                            @DecimalMin("0.05") @DecimalMax("1.0") @DefaultValue(DEFAULT_TRUNCATION)
                            double truncation,
                            @Valid @DefaultValue Training training,
                            @Valid @DefaultValue Generation generation) {

    /** The noise scale generation uses unless configured or asked otherwise (also in application.yml). */
    public static final String DEFAULT_TRUNCATION = "0.7";

    /**
     * @param location       writable directory of version folders (training jobs add versions here); with a shared
     *                       model store ({@code serving.model-store.dir}) the store's {@code cdcgan} folder instead
     * @param shipped        versions packaged with the service, copied into {@code location} at start when missing
     * @param defaultVersion the version served at start; blank for the newest shipped version (or the newest
     *                       version when nothing is shipped)
     */
    public record Models(@NotBlank @DefaultValue("${java.io.tmpdir}/gan-models") String location,
                         @DefaultValue("classpath:models/cdcgan") String shipped,
                         @DefaultValue("") String defaultVersion) {
    }

    /**
     * @param evaluationSamples generated images a finished job is evaluated on
     * @param nearestSamples    of which this many are compared with all 60,000 training images
     * @param lockStaleAfter    the one-job lock in the store is broken when its holder has not touched it for this
     *                          long (it touches it every sixth of this)
     * @param progressInterval  a running job writes its batch progress to the store at most this often
     */
    public record Training(@Min(100) @DefaultValue("2000") int evaluationSamples,
                           @Min(10) @DefaultValue("200") int nearestSamples,
                           @NotNull @DefaultValue("30s") Duration lockStaleAfter,
                           @NotNull @DefaultValue("500ms") Duration progressInterval) {
    }

    /**
     * Generation requests run on {@code workers} threads (each with its own predictor, so PyTorch's memory grows with
     * the workers, not with the clients); up to {@code queueCapacity} more wait, beyond that a request is answered 503
     * with {@code Retry-After} at once. A request that has not finished within {@code timeout} is answered 503 and
     * its work is dropped (not started, or stopped at the next chunk). One forward pass takes at most
     * {@code chunkSize} images, which caps the memory a pass needs whatever {@code count} asks for.
     */
    public record Generation(@Min(1) @Max(64) @DefaultValue("2") int workers,
                             @Min(1) @DefaultValue("8") int queueCapacity,
                             @NotNull @DefaultValue("10s") Duration timeout,
                             @Min(1) @Max(256) @DefaultValue("64") int chunkSize) {

        public BatcherSettings batcherSettings() {
            return new BatcherSettings(false, 1, Duration.ZERO, queueCapacity, workers, timeout);
        }
    }
}
