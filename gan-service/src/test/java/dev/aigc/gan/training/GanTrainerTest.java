package dev.aigc.gan.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.gan.model.GanGenerator;
import dev.aigc.gan.model.LatentCodes;
import dev.aigc.serving.data.MnistData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-batch training runs: the full run is the explicit {@code train.sh} command. */
class GanTrainerTest {

    private static MnistData data;

    @BeforeAll
    static void loadData() throws Exception {
        Assumptions.assumeTrue(MnistData.locate().isPresent(), "MNIST not found: run scripts/fetch-mnist.sh");
        data = MnistData.load(MnistData.Split.TRAIN).head(64);
    }

    @Test
    void shouldTrainTwoBatchesCheckpointAndResumeToTheSameGenerator(@TempDir Path dir) throws Exception {
        GanSettings settings = GanSettings.dcgan(1, 16, 2e-4f);
        LatentCodes codes = LatentCodes.sample(GanArchitecture.CDCGAN, 4, 3, 11);
        float[][] after;
        try (GanTrainer trainer = new GanTrainer(settings, null)) {
            float[][] before = trainer.generate(codes);
            GanTrainer.EpochLosses losses = trainer.trainEpoch(1, data, 2, null, () -> false);
            after = trainer.generate(codes);

            assertThat(losses.batches()).isEqualTo(2);
            assertThat(losses.discriminator()).isFinite().isPositive();
            assertThat(losses.generator()).isFinite().isPositive();
            assertThat(after[0]).isNotEqualTo(before[0]);
            trainer.saveCheckpoint(dir, 1);
        }
        assertThat(dir.resolve("generator-0001.params")).isRegularFile();
        assertThat(dir.resolve("discriminator-0001.params")).isRegularFile();
        try (GanTrainer resumed = new GanTrainer(settings, dir);
             GanGenerator served = GanGenerator.load(dir, GanArchitecture.CDCGAN)) {
            assertThat(resumed.generate(codes)).isDeepEqualTo(after);
            assertThat(served.generate(codes)).isDeepEqualTo(after);
        }
    }

    @Test
    void shouldWriteGridsLossCurvesAndStateEachEpochAndResume(@TempDir Path dir) throws Exception {
        GanSettings settings = GanSettings.seedMlp(2, 16);
        TrainingRun run = new TrainingRun(settings, dir);
        try (GanTrainer ignored = run.run(data, null, 2, null, () -> false)) {
            assertThat(run.history()).hasSize(2);
        }
        assertThat(dir.resolve("samples/epoch-01.png")).isRegularFile();
        assertThat(dir.resolve("samples/epoch-02.png")).isRegularFile();
        assertThat(dir.resolve("loss-curve.png")).isRegularFile();
        assertThat(Files.readString(dir.resolve("state.json"))).contains("\"epoch\" : 2");

        TrainingRun again = new TrainingRun(new GanSettings(GanArchitecture.MLP, 3, 16, 1e-4f, 1e-4f, 0.9f, 1f, 42),
                dir);
        try (GanTrainer ignored = again.run(data, null, 2, null, () -> false)) {
            assertThat(again.history()).extracting(GanTrainer.EpochLosses::epoch).containsExactly(1, 2, 3);
        }
    }

    @Test
    void shouldResumeMidEpochFromThePartialCheckpoint(@TempDir Path dir) throws Exception {
        GanSettings settings = GanSettings.seedMlp(1, 16);
        int[] polls = {0};
        TrainingRun stopped = new TrainingRun(settings, dir).checkpointEvery(1);
        // the run checks for cancellation before each batch: stop after two batches
        try (GanTrainer ignored = stopped.run(data, null, 4, null, () -> ++polls[0] > 3)) {
            assertThat(stopped.history()).isEmpty();
        }
        assertThat(Files.readString(dir.resolve("partial/state.json"))).contains("\"batches\" : 2");

        int[] batchesSeen = {0};
        TrainingRun resumed = new TrainingRun(settings, dir).checkpointEvery(1);
        TrainingRun.Listener counter = (batch, batches, d, g) -> batchesSeen[0]++;
        try (GanTrainer ignored = resumed.run(data, null, 4, counter, () -> false)) {
            assertThat(resumed.history()).hasSize(1);
        }
        assertThat(batchesSeen[0]).isEqualTo(2);
    }

    @Test
    void shouldStopAtOnceWhenCancelled(@TempDir Path dir) throws Exception {
        TrainingRun run = new TrainingRun(GanSettings.dcgan(3, 16, 2e-4f), dir);
        try (GanTrainer ignored = run.run(data, null, 2, null, () -> true)) {
            assertThat(run.history()).isEmpty();
        }
    }
}
