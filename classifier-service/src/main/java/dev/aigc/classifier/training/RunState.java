package dev.aigc.classifier.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run has done so far, stored as {@code state.json} next to its checkpoints: the last completed epoch,
 * the per-epoch curves and the training time spent. Resuming reads it and the matching {@code epoch-NNN.params}.
 */
record RunState(int epochsDone, long trainingMillis, List<EpochStats> history) {

    static final String FILE = "state.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                      double validationAccuracy, double learningRate, long millis) {
    }

    static RunState empty() {
        return new RunState(0, 0, List.of());
    }

    static RunState readOrEmpty(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), RunState.class) : empty();
    }

    RunState next(EpochStats stats) {
        List<EpochStats> all = new ArrayList<>(history);
        all.add(stats);
        return new RunState(stats.epoch(), trainingMillis + stats.millis(), List.copyOf(all));
    }

    void write(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path tmp = runDir.resolve(FILE + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Path checkpoint(Path runDir, int epoch) {
        return runDir.resolve(String.format("epoch-%03d.params", epoch));
    }
}
