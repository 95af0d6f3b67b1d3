package dev.aigc.classifier.training;

import ai.djl.Model;
import dev.aigc.classifier.model.Member;
import dev.aigc.classifier.model.MnistModel;
import dev.aigc.classifier.model.MnistNet;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.training.Charts;
import dev.aigc.serving.training.Devices;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a servable version directory: the member weight files, then the numbers measured by loading that very
 * directory the way the service does ({@link MnistModel}) on the validation split and the untouched test set, the
 * confusion matrix and curves as PNGs, and {@code model-card.json} last. Built in a hidden temporary folder and
 * moved into place when complete.
 */
final class VersionWriter {

    static final String DATASET = "MNIST (original IDX files): training on train[0, trainSize), validation on "
            + "train[trainSize, 60000), metrics on the 10,000-image test set";

    private final Path out;
    private final String version;
    private final PrintStream log;
    private final Path staging;

    VersionWriter(Path out, String version, PrintStream log) throws IOException {
        this.out = out;
        this.version = version;
        this.log = log;
        if (Files.exists(out.resolve(version))) {
            throw new IOException("version " + version + " already exists in " + out + " (pick another --version)");
        }
        this.staging = out.resolve("." + version + ".tmp");
        deleteRecursively(staging);
        Files.createDirectories(staging);
    }

    void copyWeights(Path params, String file) throws IOException {
        Files.copy(params, staging.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Loads the staged members as the service would and measures them on both held-out sets. */
    Measured measure(List<Member> members, MnistData validation, MnistData test) throws Exception {
        try (Model model = MnistModel.load(staging, members, Devices.preferred())) {
            long params = MnistNet.parameterCount(model.getBlock());
            Evaluation val = Evaluation.of(MnistNet.run(model, validation.images(), 500, false), validation.labels());
            Evaluation tst = Evaluation.of(MnistNet.run(model, test.images(), 500, false), test.labels());
            log.printf("%s: validation accuracy %.2f%%, test accuracy %.2f%% (%d parameters)%n", version,
                    100 * val.accuracy(), 100 * tst.accuracy(), params);
            return new Measured(val, tst, params);
        }
    }

    record Measured(Evaluation validation, Evaluation test, long parameters) {

        Map<String, Object> metrics() {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("testAccuracy", Evaluation.round(test.accuracy()));
            metrics.put("testErrors", test.count() - test.correct());
            metrics.put("testLoss", Evaluation.round(test.loss()));
            metrics.put("testExamples", test.count());
            metrics.put("validationAccuracy", Evaluation.round(validation.accuracy()));
            metrics.put("validationLoss", Evaluation.round(validation.loss()));
            metrics.put("validationExamples", validation.count());
            metrics.put("perClassTestAccuracy", test.perClassAccuracy());
            return metrics;
        }
    }

    void curves(String title, Map<String, double[]> series) throws IOException {
        Charts.lines(staging.resolve("training-curves.png"), title, "epoch", series);
    }

    void confusion(Evaluation test) throws IOException {
        Charts.confusionMatrix(staging.resolve("confusion-matrix.png"), test.confusion());
    }

    /** Writes the card and moves the finished directory into place. */
    Path finish(Map<String, Object> training, Map<String, Object> metrics, Map<String, Object> details)
            throws IOException {
        new ModelCard("mnist", version, Instant.now(), DATASET, training, metrics, details)
                .write(staging.resolve(ModelCard.FILE_NAME));
        Path target = out.resolve(version);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        log.printf("wrote %s%n", target);
        return target;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
