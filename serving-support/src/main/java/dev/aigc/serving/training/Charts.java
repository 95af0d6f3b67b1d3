package dev.aigc.serving.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG pictures that training and evaluation commands write next to a model: curves, confusion matrices, sample grids. */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * A line chart with one line per entry of {@code series}; x runs 1, 2, 3, … (epochs).
     */
    public static void lines(Path png, String title, String xLabel, Map<String, double[]> series) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, values) -> {
            XYSeries s = new XYSeries(name);
            for (int i = 0; i < values.length; i++) {
                s.add(i + 1, values[i]);
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, "value", data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        createParent(png);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 540);
    }

    /** A confusion matrix heat map: rows are the true class, columns the predicted class, cells show counts. */
    public static void confusionMatrix(Path png, int[][] counts) throws IOException {
        int n = counts.length;
        int cell = 56;
        int margin = 70;
        int size = margin + n * cell + 20;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            int max = 1;
            for (int[] row : counts) {
                for (int v : row) {
                    max = Math.max(max, v);
                }
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double intensity = Math.sqrt(counts[r][c] / (double) max);
                    int shade = 255 - (int) (intensity * 200);
                    g.setColor(r == c ? new Color(shade, shade, 255) : new Color(255, shade, shade));
                    int x = margin + c * cell;
                    int y = margin + r * cell;
                    g.fillRect(x, y, cell, cell);
                    g.setColor(Color.GRAY);
                    g.drawRect(x, y, cell, cell);
                    g.setColor(Color.BLACK);
                    String text = Integer.toString(counts[r][c]);
                    g.drawString(text, x + (cell - g.getFontMetrics().stringWidth(text)) / 2, y + cell / 2 + 5);
                }
                g.drawString(Integer.toString(r), margin - 18, margin + r * cell + cell / 2 + 5);
                g.drawString(Integer.toString(r), margin + r * cell + cell / 2 - 4, margin - 8);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString("predicted \u2192", margin, 20);
            g.drawString("true \u2193", 5, margin - 8);
        } finally {
            g.dispose();
        }
        createParent(png);
        ImageIO.write(image, "png", png.toFile());
    }

    /**
     * Tiles square grayscale images (values in [0, 1], 1 = white, row-major {@code side × side}) into one picture with
     * {@code columns} per row and a 2-pixel gap, each scaled by {@code scale}.
     */
    public static BufferedImage grid(float[][] images, int side, int columns, int scale) {
        int rows = (images.length + columns - 1) / columns;
        int gap = 2;
        int tile = side * scale;
        BufferedImage out = new BufferedImage(columns * (tile + gap) + gap, rows * (tile + gap) + gap,
                BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < images.length; i++) {
            int ox = gap + (i % columns) * (tile + gap);
            int oy = gap + (i / columns) * (tile + gap);
            for (int y = 0; y < tile; y++) {
                for (int x = 0; x < tile; x++) {
                    float v = images[i][(y / scale) * side + x / scale];
                    int gray = Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
                    out.getRaster().setSample(ox + x, oy + y, 0, gray);
                }
            }
        }
        return out;
    }

    /** Writes {@link #grid} as a PNG file. */
    public static void imageGrid(Path png, float[][] images, int side, int columns, int scale) throws IOException {
        createParent(png);
        ImageIO.write(grid(images, side, columns, scale), "png", png.toFile());
    }

    private static void createParent(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
    }
}
