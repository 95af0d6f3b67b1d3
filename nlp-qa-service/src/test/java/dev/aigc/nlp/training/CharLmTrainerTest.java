package dev.aigc.nlp.training;

import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.LanguageModel;
import dev.aigc.nlp.generate.GenerationRequest;
import dev.aigc.nlp.generate.TextGenerator;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CharLmTrainerTest {

    @Test
    void shouldTrainTwoBatchesAndWriteALoadableVersion(@TempDir Path tmp) throws Exception {
        String corpus = Files.readString(Path.of("corpus/zh-charlm.txt"), StandardCharsets.UTF_8).substring(0, 30_000);
        Path corpusFile = Files.writeString(tmp.resolve("corpus.txt"), corpus, StandardCharsets.UTF_8);
        Path out = tmp.resolve("models/v-test");
        CharLmTrainingSettings settings = CharLmTrainingSettings.fromArgs("--corpus=" + corpusFile, "--output=" + out,
                "--checkpoints=" + tmp.resolve("ckpt"), "--epochs=1", "--batches-per-epoch=2", "--batch-size=4",
                "--sequence-length=16", "--embedding-size=16", "--hidden-size=32", "--max-vocab=500",
                "--val-windows=16");

        ModelCard card = new CharLmTrainer(settings).train();

        assertThat(card.metrics()).containsKeys("validationLoss", "validationPerplexity");
        assertThat((double) card.metrics().get("validationLoss")).isPositive().isLessThan(Math.log(500) + 1);
        assertThat(card.details()).containsEntry("corpusCharacters", 30_000);
        assertThat(out.resolve("loss-curve.png")).isNotEmptyFile();
        assertThat(out.resolve("vocab.txt")).isNotEmptyFile();
        assertThat(tmp.resolve("ckpt/history.tsv")).isNotEmptyFile();
        try (ModelRegistry<LanguageModel> models = new ModelRegistry<>(CharLanguageModel.NAME,
                out.getParent().toString(), LanguageModel::load, null)) {
            models.start();
            assertThat(models.activeVersion()).contains("v-test");
            TextGenerator.Generation g = new TextGenerator(models).generate("天气",
                    new GenerationRequest.GenerationSettings(5, 1.0, 0, 1.0, 1));
            assertThat(g.tokens()).isEqualTo(5);
            assertThat(g.model()).isEqualTo("charlm:v-test");
        }
    }
}
