package dev.aigc.gan.model;

import java.util.SplittableRandom;

/**
 * Generator inputs drawn in Java, so the same seed gives the same images on any engine or thread: digits (when not
 * fixed) and then each image's noise come from one {@link SplittableRandom} seeded by the request.
 *
 * @param rows   {@code count × inputSize} row-major generator inputs (z, then the one-hot digit for conditional models)
 * @param digits the digit of each row ({@code -1} for unconditional models)
 */
public record LatentCodes(float[] rows, int[] digits, int inputSize) {

    public int count() {
        return digits.length;
    }

    /**
     * The same codes with the noise multiplied by {@code psi} (0 < psi ≤ 1; the label part is kept): the
     * "truncation" trade-off of GAN sampling, where smaller noise gives more typical, more legible digits at the
     * cost of variety. {@code psi = 1} returns this.
     */
    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of these codes. */
    public LatentCodes slice(int from, int to) {
        float[] part = java.util.Arrays.copyOfRange(rows, from * inputSize, to * inputSize);
        return new LatentCodes(part, java.util.Arrays.copyOfRange(digits, from, to), inputSize);
    }

    public LatentCodes truncated(double psi) {
        if (psi == 1.0) {
            return this;
        }
        float[] scaled = rows.clone();
        for (int i = 0; i < digits.length; i++) {
            for (int j = 0; j < GanArchitecture.LATENT; j++) {
                scaled[i * inputSize + j] *= (float) psi;
            }
        }
        return new LatentCodes(scaled, digits, inputSize);
    }

    /**
     * Draws {@code count} inputs. {@code digit} fixes the digit of every image; {@code null} picks one at random per
     * image. Unconditional architectures ignore digits.
     */
    public static LatentCodes sample(GanArchitecture architecture, int count, Integer digit, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int width = architecture.inputSize();
        float[] rows = new float[count * width];
        int[] digits = new int[count];
        for (int i = 0; i < count; i++) {
            if (architecture.conditional()) {
                digits[i] = digit != null ? digit : random.nextInt(GanArchitecture.CLASSES);
                rows[i * width + GanArchitecture.LATENT + digits[i]] = 1f;
            } else {
                digits[i] = -1;
            }
            for (int j = 0; j < GanArchitecture.LATENT; j++) {
                rows[i * width + j] = (float) random.nextGaussian();
            }
        }
        return new LatentCodes(rows, digits, width);
    }

    /** Given digits (one per image), noise from {@code seed}. */
    public static LatentCodes forDigits(GanArchitecture architecture, int[] digits, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int width = architecture.inputSize();
        float[] rows = new float[digits.length * width];
        for (int i = 0; i < digits.length; i++) {
            if (architecture.conditional()) {
                rows[i * width + GanArchitecture.LATENT + digits[i]] = 1f;
            }
            for (int j = 0; j < GanArchitecture.LATENT; j++) {
                rows[i * width + j] = (float) random.nextGaussian();
            }
        }
        return new LatentCodes(rows, architecture.conditional() ? digits.clone() : new int[digits.length], width);
    }

    /**
     * {@code steps} inputs on the way from (digitA, seedA) to (digitB, seedB): noise moves along the great circle
     * between the two noise vectors (spherical interpolation keeps its norm typical of a Gaussian sample) and the
     * label input blends linearly from one digit to the other. Each end equals the first image of
     * {@link #sample} for that digit and seed.
     */
    public static LatentCodes interpolate(GanArchitecture architecture, int digitA, long seedA, int digitB, long seedB,
                                          int steps) {
        float[] a = sample(architecture, 1, digitA, seedA).rows();
        float[] b = sample(architecture, 1, digitB, seedB).rows();
        int width = architecture.inputSize();
        float[] rows = new float[steps * width];
        int[] digits = new int[steps];
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < GanArchitecture.LATENT; j++) {
            dot += a[j] * b[j];
            na += a[j] * a[j];
            nb += b[j] * b[j];
        }
        double omega = Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : s / (double) (steps - 1);
            double wa;
            double wb;
            if (omega < 1e-6) {
                wa = 1 - t;
                wb = t;
            } else {
                wa = Math.sin((1 - t) * omega) / Math.sin(omega);
                wb = Math.sin(t * omega) / Math.sin(omega);
            }
            for (int j = 0; j < GanArchitecture.LATENT; j++) {
                rows[s * width + j] = (float) (wa * a[j] + wb * b[j]);
            }
            if (architecture.conditional()) {
                rows[s * width + GanArchitecture.LATENT + digitA] += (float) (1 - t);
                rows[s * width + GanArchitecture.LATENT + digitB] += (float) t;
                digits[s] = t < 0.5 ? digitA : digitB;
            } else {
                digits[s] = -1;
            }
        }
        return new LatentCodes(rows, digits, width);
    }
}
