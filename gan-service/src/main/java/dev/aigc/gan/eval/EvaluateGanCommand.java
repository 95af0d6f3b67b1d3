package dev.aigc.gan.eval;

import dev.aigc.gan.model.GanGenerator;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Command line: evaluates one or more model version directories with the evaluation classifier, writes the metrics
 * into each {@code model-card.json}, and writes all numbers (plus the real-data reference) to a JSON report.
 *
 * <pre>
 * java -cp … dev.aigc.gan.eval.EvaluateGanCommand --report checkpoints/gan/evaluation.json [--truncation 0.7] \
 *     gan-service/src/main/resources/models/cdcgan/v1 gan-service/eval/baseline-mlp/v1
 * </pre>
 */
public final class EvaluateGanCommand {

    private EvaluateGanCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path report = null;
        Path classifierDir = null;
        GanEvaluation.Options options = GanEvaluation.Options.full();
        List<Path> models = new ArrayList<>();
        double truncation = 1.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--report" -> report = Path.of(args[++i]);
                case "--classifier" -> classifierDir = Path.of(args[++i]);
                case "--truncation" -> truncation = Double.parseDouble(args[++i]);
                case "--samples" -> options = new GanEvaluation.Options(Integer.parseInt(args[++i]),
                        options.nearestSamples(), options.seed());
                default -> models.add(Path.of(args[i]));
            }
        }
        MnistData train = MnistData.load(MnistData.Split.TRAIN);
        MnistData test = MnistData.load(MnistData.Split.TEST);
        Map<String, Object> all = new LinkedHashMap<>();
        try (EvalClassifier classifier = classifierDir == null ? EvalClassifier.loadShipped()
                : EvalClassifier.load(classifierDir)) {
            GanEvaluation evaluation = new GanEvaluation(classifier, train, test);
            long start = System.nanoTime();
            Map<String, Object> reference = evaluation.realReference(options.nearestSamples());
            System.out.printf("real data reference (%.0f s): %s%n", (System.nanoTime() - start) / 1e9, reference);
            all.put("realData", reference);
            for (Path dir : models) {
                ModelCard card = ModelCard.read(dir);
                start = System.nanoTime();
                try (GanGenerator generator = GanGenerator.load(dir, card)) {
                    Map<String, Object> metrics = new LinkedHashMap<>(evaluation.evaluate(generator.architecture(),
                            generator::generate, options));
                    if (truncation != 1.0 && generator.architecture().conditional()) {
                        metrics.put("withTruncation", evaluation.evaluate(generator.architecture(),
                                generator::generate, options.withTruncation(truncation)));
                    }
                    metrics.put("evaluationClassifier", "gan-service eval-classifier, test accuracy "
                            + reference.get("classifierTestAccuracy"));
                    metrics.put("realDataReference", reference);
                    card.withMetrics(metrics).write(dir);
                    System.out.printf("%s %s (%.0f s): %s%n", card.name(), card.version(),
                            (System.nanoTime() - start) / 1e9, metrics);
                    all.put(card.name() + "/" + card.version(), metrics);
                }
            }
        }
        if (report != null) {
            if (report.toAbsolutePath().getParent() != null) {
                Files.createDirectories(report.toAbsolutePath().getParent());
            }
            Files.writeString(report, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(all));
        }
    }
}
