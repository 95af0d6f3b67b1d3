package dev.aigc.serving.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteReadableCurveAndConfusionMatrixPngs() throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("train loss", new double[] {0.9, 0.4, 0.2});
        series.put("val accuracy", new double[] {0.8, 0.9, 0.95});
        Path curves = dir.resolve("plots/curves.png");
        Path confusion = dir.resolve("confusion.png");

        Charts.lines(curves, "training", "epoch", series);
        Charts.confusionMatrix(confusion, new int[][] {{5, 1}, {0, 7}});

        assertThat(ImageIO.read(curves.toFile()).getWidth()).isEqualTo(900);
        assertThat(ImageIO.read(confusion.toFile()).getHeight()).isGreaterThan(100);
    }

    @Test
    void shouldTileImagesIntoAGridKeepingEachPixel() {
        float[] white = new float[4];
        java.util.Arrays.fill(white, 1f);
        float[] black = new float[4];

        BufferedImage grid = Charts.grid(new float[][] {white, black, white}, 2, 2, 3);

        // 2 columns of 6-pixel tiles with 2-pixel gaps; 2 rows
        assertThat(grid.getWidth()).isEqualTo(2 + 2 * (6 + 2));
        assertThat(grid.getHeight()).isEqualTo(2 + 2 * (6 + 2));
        assertThat(grid.getRaster().getSample(2, 2, 0)).isEqualTo(255);
        assertThat(grid.getRaster().getSample(2 + 8, 2, 0)).isZero();
        assertThat(grid.getRaster().getSample(2, 2 + 8 + 5, 0)).isEqualTo(255);
    }

    @Test
    void shouldPrintAProgressLineEveryTenthWhenNotOnAConsole() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar("epoch 1", 100, new PrintStream(bytes, true, StandardCharsets.UTF_8), false)) {
            for (int i = 0; i < 100; i++) {
                bar.step("loss 0.1");
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");

        assertThat(lines).hasSize(10);
        assertThat(lines[lines.length - 1]).contains("100%").contains("100/100").contains("loss 0.1");
    }
}
