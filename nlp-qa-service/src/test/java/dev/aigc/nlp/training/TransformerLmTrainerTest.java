package dev.aigc.nlp.training;

import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.GenerationRequest;
import dev.aigc.nlp.generate.LanguageModel;
import dev.aigc.nlp.generate.TextGenerator;
import dev.aigc.nlp.generate.TransformerLmConfig;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransformerLmTrainerTest {

    @Test
    void shouldTrainResumeFromTheCheckpointAndWriteALoadableVersion(@TempDir Path tmp) throws Exception {
        String kb = Files.readString(Path.of("src/main/resources/kb/zh-gan.md"), StandardCharsets.UTF_8)
                + Files.readString(Path.of("src/main/resources/kb/zh-cnn.md"), StandardCharsets.UTF_8);
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("train.txt"), kb.repeat(3), StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("validation.txt"), kb, StandardCharsets.UTF_8);
        Path out = tmp.resolve("models/v-test");
        List<String> args = List.of("--corpus=" + corpus, "--output=" + out, "--checkpoints=" + tmp.resolve("ckpt"),
                "--steps-per-epoch=12", "--batch-size=4", "--context-length=16", "--embedding-size=16", "--layers=1",
                "--heads=2", "--mlp-size=32", "--max-vocab=300", "--min-count=1", "--learning-rate=0.01",
                "--warmup-steps=2", "--val-windows=8");

        ModelCard first = new TransformerLmTrainer(settings(args, "--epochs=1")).train();
        ModelCard card = new TransformerLmTrainer(settings(args, "--epochs=2")).train();

        assertThat(first.training()).containsEntry("epochs", 1);
        assertThat(card.training()).containsEntry("epochs", 2);
        double valLoss = (double) card.metrics().get("validationLoss");
        assertThat(valLoss).isPositive().isLessThan(Math.log(300) + 1);
        assertThat(TransformerLmConfig.describes(card.details())).isTrue();
        assertThat(((Number) card.details().get("parameterCount")).longValue()).isPositive();
        assertThat(out.resolve("loss-curve.png")).isNotEmptyFile();
        List<String> history = Files.readAllLines(tmp.resolve("ckpt/history.tsv"));
        assertThat(history).hasSize(2);
        // The resumed epoch starts from the restored weights, not from a fresh initialisation (which would put the
        // validation loss back near ln(vocabulary size)).
        double firstVal = Double.parseDouble(history.get(0).split("\t")[2]);
        double vocab = ((Number) card.details().get("vocabSize")).doubleValue();
        assertThat(firstVal).isLessThan(Math.log(vocab) - 0.5);
        assertThat(valLoss).isLessThan(firstVal + 0.1);
        try (ModelRegistry<LanguageModel> models = new ModelRegistry<>(CharLanguageModel.NAME,
                out.getParent().toString(), LanguageModel::load, null)) {
            models.start();
            TextGenerator.Generation g = new TextGenerator(models).generate("生成对抗网络",
                    new GenerationRequest.GenerationSettings(40, 1.0, 0, 1.0, 7));
            assertThat(g.tokens()).isEqualTo(40);
            assertThat(g.model()).isEqualTo("charlm:v-test");
        }
    }

    private static TransformerLmTrainingSettings settings(List<String> args, String extra) {
        String[] all = new String[args.size() + 1];
        args.toArray(all);
        all[args.size()] = extra;
        return TransformerLmTrainingSettings.fromArgs(all);
    }
}
