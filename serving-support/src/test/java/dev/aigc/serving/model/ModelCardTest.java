package dev.aigc.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripThroughJsonInAVersionDirectory() throws IOException {
        ModelCard card = new ModelCard("mnist", "v1", Instant.parse("2026-11-29T10:00:00Z"), "MNIST",
                Map.of("epochs", 12, "optimizer", "adam"), Map.of("testAccuracy", 0.9954), Map.of("params", 123456));

        card.write(dir);
        ModelCard read = ModelCard.read(dir);

        assertThat(Files.exists(dir.resolve(ModelCard.FILE_NAME))).isTrue();
        assertThat(read.name()).isEqualTo("mnist");
        assertThat(read.createdAt()).isEqualTo(card.createdAt());
        assertThat(read.metrics()).containsEntry("testAccuracy", 0.9954);
        assertThat(read.training()).containsEntry("epochs", 12);
    }

    @Test
    void shouldMergeMetricsWithoutTouchingTheOriginal() {
        ModelCard card = new ModelCard("gan", "v1", Instant.EPOCH, "MNIST", null, Map.of("a", 1), null);

        ModelCard merged = card.withMetrics(Map.of("a", 2, "b", 3));

        assertThat(merged.metrics()).containsEntry("a", 2).containsEntry("b", 3);
        assertThat(card.metrics()).containsOnly(Map.entry("a", 1));
        assertThat(card.training()).isEmpty();
    }

    @Test
    void shouldNameTheFileWhenTheCardIsNotJson() throws IOException {
        Path file = dir.resolve(ModelCard.FILE_NAME);
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> ModelCard.read(file)).isInstanceOf(IOException.class).hasMessageContaining(file.toString());
    }
}
