package dev.aigc.gan.eval;

/**
 * Structural similarity of two 28×28 images in [0, 1]: the usual SSIM with an 11×11 Gaussian window (σ = 1.5),
 * constants {@code (0.01·L)²} and {@code (0.03·L)²} for L = 1, averaged over the window positions that fit inside
 * the image (valid region, 18×18).
 */
public final class Ssim {

    private static final int SIDE = 28;
    private static final int WINDOW = 11;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;
    private static final double[] KERNEL = gaussian();

    private Ssim() {
    }

    public static double ssim(float[] x, float[] y) {
        int out = SIDE - WINDOW + 1;
        double total = 0;
        for (int r = 0; r < out; r++) {
            for (int c = 0; c < out; c++) {
                double mx = 0;
                double my = 0;
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int i = 0; i < WINDOW; i++) {
                    for (int j = 0; j < WINDOW; j++) {
                        double w = KERNEL[i] * KERNEL[j];
                        double a = x[(r + i) * SIDE + c + j];
                        double b = y[(r + i) * SIDE + c + j];
                        mx += w * a;
                        my += w * b;
                        xx += w * a * a;
                        yy += w * b * b;
                        xy += w * a * b;
                    }
                }
                double vx = xx - mx * mx;
                double vy = yy - my * my;
                double cov = xy - mx * my;
                total += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
            }
        }
        return total / (out * out);
    }

    public static double mse(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return sum / x.length;
    }

    private static double[] gaussian() {
        double[] k = new double[WINDOW];
        double sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            double d = i - WINDOW / 2;
            k[i] = Math.exp(-d * d / (2 * 1.5 * 1.5));
            sum += k[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
