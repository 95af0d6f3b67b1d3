package dev.aigc.gan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.gan.eval.EvalClassifier;
import dev.aigc.gan.model.GanGenerator;
import dev.aigc.gan.model.LatentCodes;
import dev.aigc.serving.model.ModelCard;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The generator shipped in the jar draws the digit it is asked for, as judged by the evaluation classifier, when
 * sampled as the service samples by default (noise scale {@link GanProperties#DEFAULT_TRUNCATION}).
 */
class ShippedModelTest {

    @Test
    void shouldDrawTheRequestedDigitAtLeast97PercentOfTheTime(@TempDir Path dir) throws Exception {
        Path version = copyNewestShippedVersion(dir);
        int[] digits = new int[1000];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = i % 10;
        }
        int agree = 0;
        try (GanGenerator generator = GanGenerator.load(version, ModelCard.read(version));
             EvalClassifier classifier = EvalClassifier.loadShipped()) {
            EvalClassifier.Output out = classifier.classify(
                    generator.generate(LatentCodes.forDigits(generator.architecture(), digits, 123_456L)
                            .truncated(Double.parseDouble(GanProperties.DEFAULT_TRUNCATION))));
            for (int i = 0; i < digits.length; i++) {
                if (out.predicted(i) == digits[i]) {
                    agree++;
                }
            }
        }
        assertThat(agree / 1000.0).isGreaterThanOrEqualTo(0.97);
    }

    private static Path copyNewestShippedVersion(Path dir) throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource[] cards = resolver.getResources("classpath*:models/cdcgan/*/model-card.json");
        Assumptions.assumeTrue(cards.length > 0, "no generator shipped yet under models/cdcgan (run train.sh)");
        Resource newest = null;
        ModelCard newestCard = null;
        for (Resource card : cards) {
            try (InputStream in = card.getInputStream()) {
                Path tmp = Files.createTempFile(dir, "card", ".json");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                ModelCard read = ModelCard.read(tmp);
                if (newestCard == null || read.createdAt().isAfter(newestCard.createdAt())) {
                    newest = card;
                    newestCard = read;
                }
            }
        }
        String base = newest.getURL().toString().replace("model-card.json", "");
        Path version = Files.createDirectories(dir.resolve("version"));
        for (Resource file : resolver.getResources(base + "*")) {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, version.resolve(file.getFilename()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return version;
    }
}
