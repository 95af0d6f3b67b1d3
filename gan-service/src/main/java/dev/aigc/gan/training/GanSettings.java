package dev.aigc.gan.training;

import dev.aigc.gan.model.GanArchitecture;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one GAN training run.
 *
 * @param architecture          which pair of networks
 * @param epochs                passes over the 60,000 training images
 * @param batchSize             images per batch (real and generated each)
 * @param learningRate          Adam learning rate of the discriminator
 * @param generatorLearningRate Adam learning rate of the generator
 * @param beta1                 Adam's first-moment decay
 * @param realTarget            label for real images (0.9 = one-sided label smoothing, 1 = none)
 * @param seed                  seeds the data order and the noise
 */
public record GanSettings(GanArchitecture architecture, int epochs, int batchSize, float learningRate,
                          float generatorLearningRate, float beta1, float realTarget, long seed) {

    /** The DCGAN recipe: Adam(2e-4, β1 = 0.5), one-sided label smoothing 0.9. */
    public static GanSettings dcgan(int epochs, int batchSize, float learningRate) {
        return new GanSettings(GanArchitecture.CDCGAN, epochs, batchSize, learningRate, learningRate, 0.5f, 0.9f, 42);
    }

    /** The seed article's recipe for its MLP GAN: Adam(1e-4) with default betas, hard labels. */
    public static GanSettings seedMlp(int epochs, int batchSize) {
        return new GanSettings(GanArchitecture.MLP, epochs, batchSize, 1e-4f, 1e-4f, 0.9f, 1f, 42);
    }

    /** For model cards and logs. */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("architecture", architecture.id());
        map.put("epochs", epochs);
        map.put("batchSize", batchSize);
        map.put("optimizer", "Adam(beta1=" + beta1 + ", beta2=0.999)");
        map.put("learningRate", learningRate);
        map.put("generatorLearningRate", generatorLearningRate);
        map.put("loss", "binary cross-entropy on logits");
        map.put("realLabel", realTarget);
        map.put("seed", seed);
        return map;
    }
}
