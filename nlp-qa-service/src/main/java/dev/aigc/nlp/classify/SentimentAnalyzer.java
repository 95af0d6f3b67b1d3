package dev.aigc.nlp.classify;

import dev.aigc.nlp.embed.BgeEmbedder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Positive / negative / neutral sentiment for Chinese and English: a softmax-regression head on top of frozen bge
 * embeddings, fitted at start-up on the labelled sentences in {@code classpath:sentiment/train.tsv} (full-batch
 * gradient descent from zeros, so it is deterministic and takes well under a second once the sentences are
 * embedded). Accuracy is measured on {@code eval/sentiment-eval.tsv}, which the head never sees.
 */
public class SentimentAnalyzer {

    public static final List<String> LABELS = List.of("positive", "negative", "neutral");
    static final int EPOCHS = 400;
    static final double LEARNING_RATE = 2.0;
    static final double L2 = 1e-3;

    private final BgeEmbedder embedder;
    private final double[][] weights;
    private final double[] bias;
    private final int trainingSize;

    public SentimentAnalyzer(BgeEmbedder embedder) throws IOException {
        this.embedder = embedder;
        List<String[]> rows = read("/sentiment/train.tsv");
        List<float[]> x = embedder.embed(rows.stream().map(r -> r[1]).toList());
        int[] y = rows.stream().mapToInt(r -> LABELS.indexOf(r[0])).toArray();
        this.trainingSize = rows.size();
        this.weights = new double[LABELS.size()][x.get(0).length];
        this.bias = new double[LABELS.size()];
        fit(x, y);
    }

    static List<String[]> read(String resource) throws IOException {
        try (InputStream in = SentimentAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Rows of {@code label<TAB>sentence}; lines starting with # are comments. */
    public static List<String[]> parse(String tsv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            if (!LABELS.contains(f[0])) {
                throw new IllegalArgumentException("unknown sentiment label in: " + line);
            }
            rows.add(f);
        }
        return rows;
    }

    private void fit(List<float[]> x, int[] y) {
        int n = x.size();
        int k = LABELS.size();
        int d = weights[0].length;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[][] gw = new double[k][d];
            double[] gb = new double[k];
            for (int i = 0; i < n; i++) {
                double[] p = probabilities(x.get(i));
                for (int c = 0; c < k; c++) {
                    double err = p[c] - (y[i] == c ? 1 : 0);
                    gb[c] += err;
                    float[] xi = x.get(i);
                    for (int j = 0; j < d; j++) {
                        gw[c][j] += err * xi[j];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                bias[c] -= LEARNING_RATE * gb[c] / n;
                for (int j = 0; j < d; j++) {
                    weights[c][j] -= LEARNING_RATE * (gw[c][j] / n + L2 * weights[c][j]);
                }
            }
        }
    }

    private double[] probabilities(float[] v) {
        double[] logits = new double[LABELS.size()];
        for (int c = 0; c < logits.length; c++) {
            double s = bias[c];
            for (int j = 0; j < v.length; j++) {
                s += weights[c][j] * v[j];
            }
            logits[c] = s;
        }
        return ZeroShotClassifier.softmax(logits, 1.0);
    }

    public SentimentResponse analyze(String text) {
        double[] p = probabilities(embedder.embed(text));
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        List<SentimentResponse.Score> scores = new ArrayList<>();
        for (int c = 0; c < p.length; c++) {
            scores.add(new SentimentResponse.Score(LABELS.get(c), ZeroShotClassifier.round(p[c])));
        }
        return new SentimentResponse(LABELS.get(best), ZeroShotClassifier.round(p[best]), scores);
    }

    public int trainingSize() {
        return trainingSize;
    }
}
