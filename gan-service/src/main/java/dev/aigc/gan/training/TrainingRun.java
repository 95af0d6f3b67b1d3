package dev.aigc.gan.training;

import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.gan.model.LatentCodes;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.training.Charts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole training run in one working folder: after every epoch it saves both networks (so a stopped run resumes
 * from the last finished epoch), a fixed-seed grid of samples ({@code samples/epoch-NN.png}, one row per digit),
 * the loss curves ({@code loss-curve.png}) and {@code state.json} with the per-epoch losses.
 */
public final class TrainingRun {

    /** Seed of the fixed noise behind every sample grid, so grids of different epochs compare like for like. */
    public static final long GRID_SEED = 20240611L;
    static final String STATE = "state.json";
    static final String PARTIAL = "partial";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Hears about batches and finished epochs. */
    public interface Listener extends GanTrainer.BatchListener {
        default void onEpoch(GanTrainer.EpochLosses losses, Path grid) {
        }
    }

    private final GanSettings settings;
    private final Path workDir;
    private final List<GanTrainer.EpochLosses> history = new ArrayList<>();
    private int checkpointEvery;

    public TrainingRun(GanSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    /**
     * Also saves both networks every {@code batches} batches into {@code partial/} (with {@code partial/state.json}
     * telling the settings, epoch and batch), so a stopped run loses at most that many batches; 0 turns it off.
     */
    public TrainingRun checkpointEvery(int batches) {
        this.checkpointEvery = batches;
        return this;
    }

    /**
     * Trains up to {@code settings.epochs()} epochs, resuming from the folder's last checkpoint (or from
     * {@code startFrom}, a generator/discriminator params folder, when the folder is empty).
     *
     * @param maxBatches batches per epoch when positive (smoke runs), else the whole training set
     * @return the trainer, still holding the networks, for the caller to export and close
     */
    public GanTrainer run(MnistData data, Path startFrom, int maxBatches, Listener listener, BooleanSupplier cancelled)
            throws Exception {
        Files.createDirectories(workDir);
        int first = 1;
        Path resume = startFrom;
        if (GanTrainer.hasParams(workDir, GanTrainer.GENERATOR) && Files.isRegularFile(workDir.resolve(STATE))) {
            history.addAll(readHistory());
            first = history.size() + 1;
            resume = workDir;
        }
        int firstBatch = 0;
        Path partial = workDir.resolve(PARTIAL);
        if (Files.isRegularFile(partial.resolve(STATE))) {
            var node = JSON.readTree(partial.resolve(STATE).toFile());
            if (node.get("epoch").asInt() == first && GanTrainer.hasParams(partial, GanTrainer.GENERATOR)) {
                resume = partial;
                firstBatch = node.get("batches").asInt();
            }
        }
        GanTrainer trainer = new GanTrainer(settings, resume);
        try {
            for (int epoch = first; epoch <= settings.epochs() && !cancelled.getAsBoolean(); epoch++) {
                GanTrainer.BatchListener batchListener = listener;
                if (checkpointEvery > 0) {
                    int current = epoch;
                    batchListener = (batch, batches, d, g) -> {
                        if (listener != null) {
                            listener.onBatch(batch, batches, d, g);
                        }
                        if (batch % checkpointEvery == 0 && batch < batches) {
                            savePartial(trainer, current, batch);
                        }
                    };
                }
                GanTrainer.EpochLosses losses = trainer.trainEpoch(epoch, firstBatch, data, maxBatches,
                        batchListener, cancelled);
                firstBatch = 0;
                if (cancelled.getAsBoolean()) {
                    break;
                }
                history.add(losses);
                trainer.saveCheckpoint(workDir, epoch);
                Path grid = workDir.resolve(String.format("samples/epoch-%02d.png", epoch));
                writeGrid(trainer, grid);
                Files.copy(grid, workDir.resolve("samples-latest.png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                writeLossCurve(workDir.resolve("loss-curve.png"));
                writeState();
                if (listener != null) {
                    listener.onEpoch(losses, grid);
                }
            }
            return trainer;
        } catch (Exception | Error e) {
            trainer.close();
            throw e;
        }
    }

    private void savePartial(GanTrainer trainer, int epoch, int batches) {
        try {
            Path partial = workDir.resolve(PARTIAL);
            trainer.saveCheckpoint(partial, epoch);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("settings", settings.describe());
            state.put("epoch", epoch);
            state.put("batches", batches);
            state.put("batchSize", settings.batchSize());
            Files.writeString(partial.resolve(STATE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public List<GanTrainer.EpochLosses> history() {
        return List.copyOf(history);
    }

    public Path workDir() {
        return workDir;
    }

    /** Ten columns of fixed-noise samples per digit (conditional) or a 10×10 block (unconditional). */
    public static void writeGrid(GanTrainer trainer, Path png) throws IOException {
        GanArchitecture arch = trainer.settings().architecture();
        int[] digits = new int[100];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = i / 10;
        }
        float[][] images = trainer.generate(LatentCodes.forDigits(arch, digits, GRID_SEED));
        Charts.imageGrid(png, images, MnistData.SIDE, 10, 2);
    }

    public void writeLossCurve(Path png) throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("discriminator loss", history.stream().mapToDouble(GanTrainer.EpochLosses::discriminator).toArray());
        series.put("generator loss", history.stream().mapToDouble(GanTrainer.EpochLosses::generator).toArray());
        series.put("D(real) mean", history.stream().mapToDouble(GanTrainer.EpochLosses::realProbability).toArray());
        series.put("D(fake) mean", history.stream().mapToDouble(GanTrainer.EpochLosses::fakeProbability).toArray());
        Charts.lines(png, settings.architecture().id() + " training losses per epoch", "epoch", series);
    }

    private void writeState() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("settings", settings.describe());
        state.put("epochs", history);
        Files.writeString(workDir.resolve(STATE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
    }

    private List<GanTrainer.EpochLosses> readHistory() throws IOException {
        var node = JSON.readTree(workDir.resolve(STATE).toFile()).get("epochs");
        List<GanTrainer.EpochLosses> list = new ArrayList<>();
        for (var e : node) {
            list.add(JSON.treeToValue(e, GanTrainer.EpochLosses.class));
        }
        return list;
    }
}
