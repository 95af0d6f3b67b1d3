package dev.aigc.serving.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The MNIST data set as read from its original IDX files (see {@code scripts/fetch-mnist.sh}).
 *
 * <p>Images are {@code count × 784} floats in [0, 1] (0 = background, 1 = ink, row-major 28 × 28), labels are
 * the digits 0–9. Files may be plain or gzip-compressed ({@code .gz}).
 */
public record MnistData(float[][] images, int[] labels) {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    /** The two official splits. */
    public enum Split {
        TRAIN("train"),
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }
    }

    public MnistData {
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /**
     * Where the IDX files are: the system property {@code mnist.dir}, the environment variable
     * {@code MNIST_DIR}, else {@code data/mnist} under the working directory or one of its parents.
     * Empty when no folder there holds the four files.
     */
    public static Optional<Path> locate() {
        String configured = System.getProperty("mnist.dir", System.getenv("MNIST_DIR"));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            return isComplete(dir) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/mnist");
            if (isComplete(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static boolean isComplete(Path dir) {
        for (Split split : Split.values()) {
            if (resolve(dir, split.prefix + "-images-idx3-ubyte") == null
                    || resolve(dir, split.prefix + "-labels-idx1-ubyte") == null) {
                return false;
            }
        }
        return true;
    }

    /** Reads one split from {@code dir}. */
    public static MnistData load(Path dir, Split split) throws IOException {
        Path images = resolve(dir, split.prefix + "-images-idx3-ubyte");
        Path labels = resolve(dir, split.prefix + "-labels-idx1-ubyte");
        if (images == null || labels == null) {
            throw new IOException("MNIST " + split + " files not found in " + dir
                    + " (run scripts/fetch-mnist.sh)");
        }
        return new MnistData(readImages(images), readLabels(labels));
    }

    /** Reads one split from the located folder; fails with a clear message when there is none. */
    public static MnistData load(Split split) throws IOException {
        Path dir = locate().orElseThrow(() -> new IOException(
                "MNIST not found: run scripts/fetch-mnist.sh or set -Dmnist.dir / MNIST_DIR"));
        return load(dir, split);
    }

    /** The first {@code n} examples, sharing the arrays' rows. */
    public MnistData head(int n) {
        int count = Math.min(n, size());
        float[][] img = new float[count][];
        int[] lab = new int[count];
        System.arraycopy(images, 0, img, 0, count);
        System.arraycopy(labels, 0, lab, 0, count);
        return new MnistData(img, lab);
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive), sharing the arrays' rows. */
    public MnistData slice(int from, int to) {
        float[][] img = new float[to - from][];
        int[] lab = new int[to - from];
        System.arraycopy(images, from, img, 0, to - from);
        System.arraycopy(labels, from, lab, 0, to - from);
        return new MnistData(img, lab);
    }

    static float[][] readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x00000803) {
                throw new IOException(file + ": not an IDX image file (magic " + Integer.toHexString(magic) + ")");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != SIDE || cols != SIDE || count < 0) {
                throw new IOException(file + ": unexpected shape " + count + "x" + rows + "x" + cols);
            }
            byte[] row = new byte[PIXELS];
            float[][] images = new float[count][PIXELS];
            for (int i = 0; i < count; i++) {
                in.readFully(row);
                for (int p = 0; p < PIXELS; p++) {
                    images[i][p] = (row[p] & 0xFF) / 255f;
                }
            }
            return images;
        }
    }

    static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x00000801) {
                throw new IOException(file + ": not an IDX label file (magic " + Integer.toHexString(magic) + ")");
            }
            int count = in.readInt();
            byte[] raw = new byte[count];
            in.readFully(raw);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
                if (labels[i] > 9) {
                    throw new IOException(file + ": label " + labels[i] + " at " + i + " is not a digit");
                }
            }
            return labels;
        }
    }

    private static Path resolve(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            raw = new GZIPInputStream(raw, 1 << 16);
        }
        return new DataInputStream(raw);
    }
}
