package dev.aigc.classifier.training;

import dev.aigc.classifier.model.NetSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one training run.
 *
 * @param name            run name: checkpoint folder and member name
 * @param seed            seed for initialisation, shuffling and augmentation
 * @param spec            network shape
 * @param epochs          full passes over the training split
 * @param batchSize       examples per step
 * @param maxLearningRate peak Adam learning rate of the one-cycle schedule
 * @param trainSize       examples of the MNIST training set used for training; the rest (up to 60,000) is the
 *                        validation split
 * @param maxBatches      stop each epoch after this many batches (0 = no limit; used by the smoke test)
 * @param augment         random rotation/scale/shift of every training image
 */
public record TrainSettings(String name, long seed, NetSpec spec, int epochs, int batchSize, float maxLearningRate,
                            int trainSize, int maxBatches, boolean augment) {

    public static final int MNIST_TRAIN = 60_000;

    public TrainSettings {
        if (epochs < 1 || batchSize < 1 || trainSize < 1 || trainSize >= MNIST_TRAIN || maxBatches < 0) {
            throw new IllegalArgumentException("bad training settings");
        }
    }

    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seed", seed);
        map.put("network", spec.describe());
        map.put("epochs", epochs);
        map.put("batchSize", batchSize);
        map.put("optimizer", "Adam");
        map.put("maxLearningRate", maxLearningRate);
        map.put("schedule", "one-cycle: linear warm-up over the first epoch from max/10, cosine decay to max/100");
        map.put("loss", "softmax cross-entropy");
        map.put("trainExamples", trainSize);
        map.put("validationExamples", MNIST_TRAIN - trainSize);
        map.put("augmentation", augment ? "rotation ±10°, scale 0.9–1.1, shift ±2 px (bilinear)" : "none");
        map.put("maxBatchesPerEpoch", maxBatches);
        return map;
    }
}
