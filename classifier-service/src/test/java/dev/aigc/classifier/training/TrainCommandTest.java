package dev.aigc.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.classifier.model.MnistModel;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training command on two batches per epoch: it trains, checkpoints, resumes from the checkpoint, and writes
 * a complete version directory (weights, model card, curves, confusion matrix) that the service's loader accepts.
 */
class TrainCommandTest {

    @BeforeAll
    static void needsMnist() {
        Assumptions.assumeTrue(MnistData.locate().isPresent(),
                "MNIST is not present (run scripts/fetch-mnist.sh or set MNIST_DIR): training not exercised");
    }

    @Test
    void shouldTrainTwoBatchesCheckpointResumeAndWriteAVersion(@TempDir Path tmp) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("name", "smoke", "width", "4", "hidden", "16",
                "epochs", "1", "max-batches", "2", "batch", "32", "train-size", "59000",
                "checkpoints", tmp.resolve("ck").toString()));
        RunState first = TrainCommand.fit(options);
        assertThat(first.epochsDone()).isEqualTo(1);
        assertThat(first.history()).hasSize(1);
        assertThat(first.history().get(0).trainLoss()).isPositive().isFinite();
        assertThat(tmp.resolve("ck/smoke/epoch-001.params")).isRegularFile();
        assertThat(tmp.resolve("ck/smoke/state.json")).isRegularFile();

        options.put("epochs", "2");
        options.put("version", "smoke-v1");
        options.put("out", tmp.resolve("models").toString());
        Path version = TrainCommand.train(options);
        RunState resumed = RunState.readOrEmpty(tmp.resolve("ck/smoke"));
        assertThat(resumed.epochsDone()).isEqualTo(2);
        assertThat(resumed.history()).extracting(RunState.EpochStats::epoch).containsExactly(1, 2);

        assertThat(version).isEqualTo(tmp.resolve("models/smoke-v1"));
        for (String file : List.of("smoke.params", "model-card.json", "training-curves.png", "confusion-matrix.png")) {
            assertThat(version.resolve(file)).isRegularFile().isNotEmptyFile();
        }
        ModelCard card = ModelCard.read(version);
        assertThat(card.name()).isEqualTo("mnist");
        assertThat(card.version()).isEqualTo("smoke-v1");
        assertThat(card.metrics()).containsKeys("testAccuracy", "validationAccuracy", "perClassTestAccuracy");
        assertThat(((Number) card.metrics().get("testExamples")).intValue()).isEqualTo(10_000);
        assertThat(card.training()).containsKeys("epochs", "batchSize", "durationSeconds", "history");
        assertThat(MnistModel.members(card)).hasSize(1);
        assertThat(Files.list(tmp.resolve("models")).count()).as("no staging folder left").isEqualTo(1);
    }
}
