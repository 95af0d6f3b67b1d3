package dev.aigc.nlp.training;

import dev.aigc.nlp.embed.BgeEmbedder;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear map from the Chinese bge-small-zh space (512 dimensions) into the English bge-small-en space (384): a
 * Chinese text's vector, multiplied by the map and L2-normalised, lands near the English vector of its translation.
 * Fitted by ridge regression on English/Chinese sentence pairs ({@code CrossLingualMapTrainer}: the gettext catalogues
 * of Debian packages and the project's dictionaries).
 *
 * <p>Measured on the tuning sets as a ranking signal, a language-switch signal and a confidence feature; none of the
 * three is used by the service (docs/nlp-qa.md, "The cross-lingual map"), so the map lives with the evaluation
 * ({@link #FILE}) and not in the service's jar. Stored as a gzip of {@code int rows, int cols, rows × cols floats}
 * (row-major, big-endian).
 */
public final class CrossLingualMap {

    /** Where the trained map is kept, relative to the repository root. */
    public static final String FILE = "nlp-qa-service/eval/zh-en-map.bin.gz";

    private final int rows;
    private final int cols;
    private final float[] weights;

    public CrossLingualMap(int rows, int cols, float[] weights) {
        if (weights.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows * cols + " weights, got " + weights.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.weights = weights;
    }

    /** Reads a map file written by {@link #write}. */
    public static CrossLingualMap load(java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a map written by {@link #write}. */
    public static CrossLingualMap read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
        int r = in.readInt();
        int c = in.readInt();
        if (r <= 0 || c <= 0 || (long) r * c > 4_000_000) {
            throw new IOException("bad map shape " + r + "x" + c);
        }
        float[] w = new float[r * c];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readFloat();
        }
        return new CrossLingualMap(r, c, w);
    }

    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(bytes))) {
            data.writeInt(rows);
            data.writeInt(cols);
            for (float w : weights) {
                data.writeFloat(w);
            }
        }
        bytes.writeTo(out);
    }

    /** {@code normalise(v · W)}: a Chinese-space vector in the English space. */
    public float[] toEnglish(float[] zh) {
        if (zh.length != rows) {
            throw new IllegalArgumentException("expected a " + rows + "-dimensional vector, got " + zh.length);
        }
        float[] out = new float[cols];
        for (int i = 0; i < rows; i++) {
            float x = zh[i];
            if (x == 0) {
                continue;
            }
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += x * weights[base + j];
            }
        }
        return BgeEmbedder.normalise(out);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }
}
