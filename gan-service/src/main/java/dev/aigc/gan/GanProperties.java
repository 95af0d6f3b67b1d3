package dev.aigc.gan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
 */
@Validated
@ConfigurationProperties("gan")
public record GanProperties(@Valid @DefaultValue Models models,
                            @Min(1) @DefaultValue("1") int inferenceThreads,
                            @DecimalMin("0.05") @DecimalMax("1.0") @DefaultValue(DEFAULT_TRUNCATION)
                            double truncation,
                            @Valid @DefaultValue Training training) {

    /** The noise scale generation uses unless configured or asked otherwise (also in application.yml). */
    public static final String DEFAULT_TRUNCATION = "0.7";

    /**
     * @param location       writable directory of version folders (training jobs add versions here)
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
     */
    public record Training(@Min(100) @DefaultValue("2000") int evaluationSamples,
                           @Min(10) @DefaultValue("200") int nearestSamples) {
    }
}
