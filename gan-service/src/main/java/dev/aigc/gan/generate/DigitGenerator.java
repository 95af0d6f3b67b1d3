package dev.aigc.gan.generate;

import ai.djl.translate.TranslateException;
import dev.aigc.gan.GanProperties;
import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.gan.model.GanGenerator;
import dev.aigc.gan.model.LatentCodes;
import dev.aigc.serving.model.ModelLease;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ThreadLocalPredictors;
import org.springframework.stereotype.Service;

/**
 * Runs the active generator on the {@link GenerationQueue}'s workers: forward passes of at most
 * {@code gan.generation.chunk-size} images each, on the worker's own predictor, while a lease keeps the model open
 * through a concurrent version switch. Between passes the work stops if its caller is no longer waiting.
 */
@Service
public class DigitGenerator {

    private final ModelRegistry<GanGenerator> models;
    private final ThreadLocalPredictors<GanGenerator, LatentCodes, float[][]> predictors;
    private final double defaultTruncation;
    private final GenerationQueue queue;
    private final int chunkSize;

    DigitGenerator(ModelRegistry<GanGenerator> models,
                   ThreadLocalPredictors<GanGenerator, LatentCodes, float[][]> predictors, GanProperties properties,
                   GenerationQueue queue) {
        this.models = models;
        this.predictors = predictors;
        this.defaultTruncation = properties.truncation();
        this.queue = queue;
        this.chunkSize = properties.generation().chunkSize();
    }

    /** Images of one request, with the version that drew them and the noise scale used. */
    public record Drawn(String version, float[][] images, int[] digits, double truncation) {
    }

    /**
     * {@code digit} null draws a random digit per image; {@code truncation} null uses the configured default; the
     * same seed and arguments give the same images.
     */
    public Drawn sample(int count, Integer digit, long seed, Double truncation) {
        return draw(arch -> LatentCodes.sample(arch, count, digit, seed), truncation);
    }

    public Drawn forDigits(int[] digits, long seed) {
        return draw(arch -> LatentCodes.forDigits(arch, digits, seed), null);
    }

    public Drawn interpolate(int digitA, long seedA, int digitB, long seedB, int steps) {
        return draw(arch -> LatentCodes.interpolate(arch, digitA, seedA, digitB, seedB, steps), null);
    }

    private Drawn draw(java.util.function.Function<GanArchitecture, LatentCodes> codesFor, Double truncation) {
        double psi = truncation != null ? truncation : defaultTruncation;
        return queue.run(deadline -> {
            try (ModelLease<GanGenerator> lease = models.acquire()) {
                LatentCodes codes = codesFor.apply(lease.model().architecture()).truncated(psi);
                float[][] images = new float[codes.count()][];
                for (int from = 0; from < codes.count(); from += chunkSize) {
                    deadline.check();
                    int to = Math.min(codes.count(), from + chunkSize);
                    float[][] part = predictors.get(lease).predict(codes.slice(from, to));
                    System.arraycopy(part, 0, images, from, part.length);
                }
                return new Drawn(lease.version(), images, codes.digits(), psi);
            } catch (TranslateException e) {
                throw new IllegalStateException("The generator failed", e);
            }
        });
    }
}
