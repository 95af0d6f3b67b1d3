package dev.aigc.serving.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Turns any picture of a handwritten digit into an MNIST-style 28 × 28 input, following the way MNIST itself was
 * made from the NIST scans.
 *
 * <ol>
 *   <li>Transparent pixels are composited onto a background that contrasts with the strokes (white behind dark
 *       strokes, black behind light ones), then everything becomes grayscale.</li>
 *   <li>The background level is the median of the border pixels. A light background is inverted, so ink is
 *       always bright on dark like MNIST; the background level is subtracted so a grey paper becomes black.</li>
 *   <li>The image is cropped to the ink's bounding box and scaled, keeping the aspect ratio, to fit a 20 × 20
 *       box (area averaging when shrinking, bilinear when enlarging), then stretched so the darkest ink is 1.</li>
 *   <li>It is placed in a 28 × 28 frame so that its centre of mass sits at the centre (kept whole when the
 *       centre of mass is far off-centre).</li>
 * </ol>
 */
public final class MnistPreprocessor {

    /** Side of the MNIST frame. */
    public static final int SIDE = 28;
    /** Side of the box the digit is scaled to fit. */
    public static final int BOX = 20;

    /** Below this (on a 0–1 scale, after background removal) nothing counts as ink. */
    private static final float MIN_INK = 0.15f;
    /** Ink weaker than this fraction of the strongest ink is treated as noise. */
    private static final float NOISE_FRACTION = 0.2f;

    private MnistPreprocessor() {
    }

    /**
     * @return 784 floats in [0, 1], row-major, 0 = background, 1 = ink
     * @throws InvalidImageException when the image holds no ink
     */
    public static float[] toMnist(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] ink = inkMap(image);
        float strongest = max(ink);
        if (strongest < MIN_INK) {
            throw new InvalidImageException("No ink found: the " + width + "x" + height
                    + " image has no strokes that stand out from its background");
        }
        int[] box = boundingBox(ink, width, height, strongest * NOISE_FRACTION);
        int cropWidth = box[2] - box[0] + 1;
        int cropHeight = box[3] - box[1] + 1;
        float[] crop = crop(ink, width, box, strongest * NOISE_FRACTION);

        double scale = (double) BOX / Math.max(cropWidth, cropHeight);
        int fitWidth = Math.max(1, Math.min(BOX, (int) Math.round(cropWidth * scale)));
        int fitHeight = Math.max(1, Math.min(BOX, (int) Math.round(cropHeight * scale)));
        float[] fitted = Resampling.resize(crop, cropWidth, cropHeight, fitWidth, fitHeight);
        float peak = max(fitted);
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = Math.min(1f, fitted[i] / peak);
        }
        return centreByMass(fitted, fitWidth, fitHeight);
    }

    /** A grayscale image of {@code pixels} (row-major, 0–1, clamped), e.g. to return an MNIST input as PNG. */
    public static BufferedImage toImage(float[] pixels, int width, int height) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make a " + width + "x" + height
                    + " image");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] samples = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            float value = Float.isNaN(pixels[i]) ? 0f : Math.max(0f, Math.min(1f, pixels[i]));
            samples[i] = Math.round(value * 255f);
        }
        raster.setSamples(0, 0, width, height, 0, samples);
        return image;
    }

    /** Ink strength per pixel in [0, 1]: grayscale, composited, background removed, inverted when light. */
    static float[] inkMap(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float behind = image.getColorModel().hasAlpha() ? compositeBackground(image) : 1f;
        float[] ink = new float[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                float alpha = (row[x] >>> 24) / 255f;
                ink[y * width + x] = alpha * luminance(row[x]) + (1 - alpha) * behind;
            }
        }
        float background = borderMedian(ink, width, height);
        boolean light = background > 0.5f;
        for (int i = 0; i < ink.length; i++) {
            float gray = ink[i];
            float value = light ? (background - gray) / background : (gray - background) / (1 - background);
            ink[i] = Math.max(0f, Math.min(1f, value));
        }
        return ink;
    }

    /** White behind dark strokes, black behind light ones (judged from the mostly opaque pixels). */
    private static float compositeBackground(BufferedImage image) {
        int width = image.getWidth();
        int[] row = new int[width];
        double sum = 0;
        double weight = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int pixel : row) {
                float alpha = (pixel >>> 24) / 255f;
                if (alpha >= 0.5f) {
                    sum += alpha * luminance(pixel);
                    weight += alpha;
                }
            }
        }
        return weight == 0 || sum / weight < 0.5 ? 1f : 0f;
    }

    private static float luminance(int argb) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
    }

    private static float borderMedian(float[] gray, int width, int height) {
        int count = height == 1 || width == 1 ? width * height : 2 * width + 2 * (height - 2);
        float[] border = new float[count];
        int n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (y == 0 || y == height - 1 || x == 0 || x == width - 1) {
                    border[n++] = gray[y * width + x];
                }
            }
        }
        Arrays.sort(border, 0, n);
        return border[n / 2];
    }

    /** {minX, minY, maxX, maxY} of the pixels at or above {@code threshold}. */
    private static int[] boundingBox(float[] ink, int width, int height, float threshold) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ink[y * width + x] >= threshold) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new int[] {minX, minY, maxX, maxY};
    }

    private static float[] crop(float[] ink, int width, int[] box, float noise) {
        int cropWidth = box[2] - box[0] + 1;
        int cropHeight = box[3] - box[1] + 1;
        float[] crop = new float[cropWidth * cropHeight];
        for (int y = 0; y < cropHeight; y++) {
            for (int x = 0; x < cropWidth; x++) {
                float value = ink[(box[1] + y) * width + box[0] + x];
                crop[y * cropWidth + x] = value < noise ? 0f : value;
            }
        }
        return crop;
    }

    private static float[] centreByMass(float[] digit, int width, int height) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float value = digit[y * width + x];
                mass += value;
                sumX += value * (x + 0.5);
                sumY += value * (y + 0.5);
            }
        }
        int offsetX = clamp((int) Math.round(SIDE / 2.0 - sumX / mass), 0, SIDE - width);
        int offsetY = clamp((int) Math.round(SIDE / 2.0 - sumY / mass), 0, SIDE - height);
        float[] frame = new float[SIDE * SIDE];
        for (int y = 0; y < height; y++) {
            System.arraycopy(digit, y * width, frame, (y + offsetY) * SIDE + offsetX, width);
        }
        return frame;
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    private static float max(float[] values) {
        float max = 0f;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
