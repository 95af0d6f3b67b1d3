package dev.aigc.classifier.training;

import java.util.Random;

/**
 * Random affine distortion of 28×28 MNIST images on plain float arrays: rotation, isotropic scaling and a shift,
 * resampled bilinearly around the image centre. Cheap enough to run per batch on the training thread.
 */
final class Augmenter {

    private static final int SIDE = 28;
    private static final float CENTRE = (SIDE - 1) / 2f;

    private final Random random;
    private final double maxRotationRad;
    private final double minScale;
    private final double maxScale;
    private final double maxShift;

    Augmenter(Random random, double maxRotationDeg, double minScale, double maxScale, double maxShift) {
        this.random = random;
        this.maxRotationRad = Math.toRadians(maxRotationDeg);
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.maxShift = maxShift;
    }

    /** Writes a distorted copy of {@code src} (784 floats) into {@code dst} starting at {@code offset}. */
    void distort(float[] src, float[] dst, int offset) {
        double angle = (random.nextDouble() * 2 - 1) * maxRotationRad;
        double scale = minScale + random.nextDouble() * (maxScale - minScale);
        double dx = (random.nextDouble() * 2 - 1) * maxShift;
        double dy = (random.nextDouble() * 2 - 1) * maxShift;
        // inverse map: output pixel -> source coordinate
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        for (int y = 0; y < SIDE; y++) {
            double oy = y - CENTRE - dy;
            for (int x = 0; x < SIDE; x++) {
                double ox = x - CENTRE - dx;
                double sx = cos * ox + sin * oy + CENTRE;
                double sy = -sin * ox + cos * oy + CENTRE;
                dst[offset + y * SIDE + x] = sample(src, sx, sy);
            }
        }
    }

    private static float sample(float[] src, double sx, double sy) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        float top = lerp(pixel(src, x0, y0), pixel(src, x0 + 1, y0), fx);
        float bottom = lerp(pixel(src, x0, y0 + 1), pixel(src, x0 + 1, y0 + 1), fx);
        return lerp(top, bottom, fy);
    }

    private static float pixel(float[] src, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : src[y * SIDE + x];
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }
}
