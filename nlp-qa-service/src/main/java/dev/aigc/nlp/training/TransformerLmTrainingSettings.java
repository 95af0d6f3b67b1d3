package dev.aigc.nlp.training;

import java.nio.file.Path;
import java.util.Map;

/** Settings of one Transformer training run, read from {@code --key=value} arguments. */
public record TransformerLmTrainingSettings(Path corpus, Path output, Path checkpoints, int epochs, int stepsPerEpoch,
                                            int batchSize, int contextLength, int embeddingSize, int layers,
                                            int heads, int mlpSize, int maxVocab, int minCount, float learningRate,
                                            int warmupSteps, int valWindows, long seed) {

    public int totalSteps() {
        return epochs * stepsPerEpoch;
    }

    public static TransformerLmTrainingSettings fromArgs(String... args) {
        Map<String, String> a = Arguments.parse(args);
        return new TransformerLmTrainingSettings(
                Path.of(a.getOrDefault("corpus", "data/lm/corpus")),
                Path.of(a.getOrDefault("output", "nlp-qa-service/src/main/resources/models/charlm/v2")),
                Path.of(a.getOrDefault("checkpoints", "checkpoints/nlp/charlm-v2")),
                Integer.parseInt(a.getOrDefault("epochs", "20")),
                Integer.parseInt(a.getOrDefault("steps-per-epoch", "200")),
                Integer.parseInt(a.getOrDefault("batch-size", "32")),
                Integer.parseInt(a.getOrDefault("context-length", "128")),
                Integer.parseInt(a.getOrDefault("embedding-size", "256")),
                Integer.parseInt(a.getOrDefault("layers", "4")),
                Integer.parseInt(a.getOrDefault("heads", "4")),
                Integer.parseInt(a.getOrDefault("mlp-size", "1024")),
                Integer.parseInt(a.getOrDefault("max-vocab", "4000")),
                Integer.parseInt(a.getOrDefault("min-count", "3")),
                Float.parseFloat(a.getOrDefault("learning-rate", "0.002")),
                Integer.parseInt(a.getOrDefault("warmup-steps", "200")),
                Integer.parseInt(a.getOrDefault("val-windows", "256")),
                Long.parseLong(a.getOrDefault("seed", "42")));
    }
}
