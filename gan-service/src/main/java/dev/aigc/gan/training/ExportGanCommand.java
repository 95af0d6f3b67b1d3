package dev.aigc.gan.training;

import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.gan.model.GanGenerator;
import dev.aigc.serving.model.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Command line: turns a training folder ({@link TrainGanCommand}) into a model version directory holding only what
 * serving needs: the generator weights, {@code model-card.json}, the last sample grid and the loss curves.
 * Metrics are added by {@code dev.aigc.gan.eval.EvaluateGanCommand}.
 *
 * <pre>
 * java -cp … dev.aigc.gan.training.ExportGanCommand --work checkpoints/gan/cdcgan \
 *     --out gan-service/src/main/resources/models/cdcgan/v1 [--name cdcgan]
 * </pre>
 */
public final class ExportGanCommand {

    private ExportGanCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = TrainGanCommand.parse(args);
        Path work = Path.of(opts.get("work"));
        Path out = Path.of(opts.get("out"));
        JsonMapper json = JsonMapper.builder().build();
        boolean fromPartial = Boolean.parseBoolean(opts.getOrDefault("from-partial", "false"));
        Path stateFile = work.resolve(TrainingRun.STATE);
        JsonNode state = Files.isRegularFile(stateFile) ? json.readTree(stateFile.toFile())
                : json.createObjectNode().set("epochs", json.createArrayNode());
        JsonNode partialState = fromPartial
                ? json.readTree(work.resolve(TrainingRun.PARTIAL).resolve(TrainingRun.STATE).toFile()) : null;
        JsonNode settings = fromPartial ? partialState.get("settings") : state.get("settings");
        Path source = fromPartial ? work.resolve(TrainingRun.PARTIAL) : work;
        GanArchitecture arch = GanArchitecture.of(settings.get("architecture").asString());
        String name = opts.getOrDefault("name", arch.id());
        Files.createDirectories(out);
        Path params;
        try (Stream<Path> files = Files.list(source)) {
            params = files.filter(f -> f.getFileName().toString().matches("generator-\\d{4}\\.params"))
                    .sorted().reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("No generator in "
                            + source));
        }
        // a re-export replaces the version's weights: an older generator-NNNN.params left beside the new one
        // would be shipped for nothing (and listed in the card)
        Path latest = params;
        try (Stream<Path> files = Files.list(out)) {
            for (Path stale : files.filter(f -> f.getFileName().toString().matches("generator-\\d{4}\\.params"))
                    .filter(f -> !f.getFileName().equals(latest.getFileName())).toList()) {
                Files.delete(stale);
            }
        }
        Files.copy(params, out.resolve(params.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        GanArchitecture architecture = arch;
        try (GanGenerator generator = GanGenerator.load(out, architecture)) {
            // the fixed-seed grid of exactly the exported weights
            int[] digits = new int[100];
            for (int i = 0; i < digits.length; i++) {
                digits[i] = i / 10;
            }
            dev.aigc.serving.training.Charts.imageGrid(out.resolve("samples.png"), generator.generate(
                    dev.aigc.gan.model.LatentCodes.forDigits(architecture, digits, TrainingRun.GRID_SEED)),
                    dev.aigc.serving.data.MnistData.SIDE, 10, 2);
        }
        if (Files.isRegularFile(work.resolve("loss-curve.png"))) {
            Files.copy(work.resolve("loss-curve.png"), out.resolve("loss-curve.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }

        Map<String, Object> training = new LinkedHashMap<>();
        settings.properties().forEach(e -> training.put(e.getKey(), e.getValue().isNumber()
                ? e.getValue().numberValue() : e.getValue().asString()));
        training.put("plannedEpochs", training.remove("epochs"));
        JsonNode epochs = state.get("epochs");
        double seconds = 0;
        List<Map<String, Object>> perEpoch = new java.util.ArrayList<>();
        for (JsonNode e : epochs) {
            seconds += e.get("seconds").asDouble();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.get("epoch").asInt());
            row.put("discriminatorLoss", round(e.get("discriminator").asDouble()));
            row.put("generatorLoss", round(e.get("generator").asDouble()));
            row.put("seconds", Math.round(e.get("seconds").asDouble()));
            perEpoch.add(row);
        }
        training.put("epochsTrained", fromPartial
                ? epochs.size() + partialState.get("batches").asDouble() * partialState.get("batchSize").asInt() / 60000.0
                : epochs.size());
        if (fromPartial) {
            training.put("stoppedAt", "epoch " + partialState.get("epoch").asInt() + ", batch "
                    + partialState.get("batches").asInt());
        }
        training.put("trainingSeconds", Math.round(seconds));
        training.put("secondsPerEpoch", Math.round(seconds / Math.max(1, epochs.size())));
        training.put("hardware", "CPU, 1 PyTorch thread (shared 2-core machine)");
        training.put("history", perEpoch);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("architecture", arch.id());
        details.put("conditional", arch.conditional());
        details.put("latentSize", GanArchitecture.LATENT);
        details.put("generatorMacsPerImage", arch.generatorMacs());
        details.put("generatorFlopsPerImage", arch.generatorFlops());
        details.put("generatorParameters", parameterCount(out, arch));
        try (Stream<Path> files = Files.list(out)) {
            details.put("files", files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.equals(ModelCard.FILE_NAME)).sorted().toList());
        }
        details.put("output", "28x28 grayscale, white ink on black like MNIST (tanh rescaled to [0, 1])");

        String version = out.getFileName().toString();
        ModelCard card = new ModelCard(name, version, Instant.now(), "MNIST (60,000 training images; 10,000 test images"
                + " for evaluation)", training, Map.of(), details);
        card.write(out);
        System.out.println("Exported " + out.toAbsolutePath() + ":\n" + card.toJson());
    }

    private static long parameterCount(Path dir, GanArchitecture arch) throws Exception {
        try (GanGenerator generator = GanGenerator.load(dir, arch)) {
            return generator.parameterCount();
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
