package dev.aigc.nlp.training;

import java.nio.file.Path;
import java.util.Map;

/** Settings of one training run, read from {@code --key=value} arguments. */
public record CharLmTrainingSettings(Path corpus, Path output, Path checkpoints, int epochs, int batchesPerEpoch,
                                     int batchSize, int sequenceLength, int embeddingSize, int hiddenSize,
                                     int maxVocab, float learningRate, int valWindows, long seed) {

    public static CharLmTrainingSettings fromArgs(String... args) {
        Map<String, String> a = Arguments.parse(args);
        return new CharLmTrainingSettings(
                Path.of(a.getOrDefault("corpus", "nlp-qa-service/corpus/zh-charlm.txt")),
                Path.of(a.getOrDefault("output", "nlp-qa-service/src/main/resources/models/charlm/v1")),
                Path.of(a.getOrDefault("checkpoints", "checkpoints/nlp/charlm")),
                Integer.parseInt(a.getOrDefault("epochs", "8")),
                Integer.parseInt(a.getOrDefault("batches-per-epoch", "0")),
                Integer.parseInt(a.getOrDefault("batch-size", "32")),
                Integer.parseInt(a.getOrDefault("sequence-length", "64")),
                Integer.parseInt(a.getOrDefault("embedding-size", "64")),
                Integer.parseInt(a.getOrDefault("hidden-size", "256")),
                Integer.parseInt(a.getOrDefault("max-vocab", "3000")),
                Float.parseFloat(a.getOrDefault("learning-rate", "0.003")),
                Integer.parseInt(a.getOrDefault("val-windows", "256")),
                Long.parseLong(a.getOrDefault("seed", "42")));
    }
}
