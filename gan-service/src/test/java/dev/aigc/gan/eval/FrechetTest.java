package dev.aigc.gan.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetTest {

    @Test
    void shouldBeZeroForIdenticalSets() {
        float[][] x = gaussian(2000, 8, 0, 1, 1);

        assertThat(Frechet.distance(x, x)).isCloseTo(0, within(1e-6));
    }

    @Test
    void shouldMatchTheClosedFormForShiftedAndScaledGaussians() {
        // N(0, I) against N(1, 4I) in d dimensions: d·1² + d·(1 + 4 − 2·2) = 2d
        int d = 6;
        float[][] a = gaussian(40_000, d, 0, 1, 2);
        float[][] b = gaussian(40_000, d, 1, 2, 3);

        assertThat(Frechet.distance(a, b)).isCloseTo(2.0 * d, within(0.15));
    }

    @Test
    void shouldComputeSquareRootsOfCorrelatedCovariances() {
        double[][] s = {{4, 2, 0}, {2, 3, 1}, {0, 1, 2}};
        double[][] root = Frechet.sqrtPsd(s);
        double[][] back = Frechet.multiply(root, root);

        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(back[i][j]).isCloseTo(s[i][j], within(1e-9));
            }
        }
    }

    @Test
    void shouldGiveSsimOneAndMseZeroForTheSameImageAndLessForAnother() {
        float[] a = new float[784];
        float[] b = new float[784];
        for (int i = 0; i < 784; i++) {
            a[i] = (i % 28 > 10 && i % 28 < 18) ? 1f : 0f;
            b[i] = (i / 28 > 10 && i / 28 < 18) ? 1f : 0f;
        }

        assertThat(Ssim.ssim(a, a)).isCloseTo(1, within(1e-9));
        assertThat(Ssim.mse(a, a)).isZero();
        assertThat(Ssim.ssim(a, b)).isLessThan(0.5);
        assertThat(Ssim.mse(a, b)).isGreaterThan(0.1);
    }

    @Test
    void shouldScoreConfidentBalancedPredictionsNearTheNumberOfClasses() {
        float[][] probs = new float[1000][10];
        for (int i = 0; i < probs.length; i++) {
            probs[i][i % 10] = 1f;
        }
        float[][] uniform = new float[1000][10];
        for (float[] row : uniform) {
            java.util.Arrays.fill(row, 0.1f);
        }

        assertThat(GanEvaluation.inceptionScore(probs)).isCloseTo(10, within(1e-3));
        assertThat(GanEvaluation.inceptionScore(uniform)).isCloseTo(1, within(1e-3));
    }

    private static float[][] gaussian(int n, int d, double mean, double sd, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (mean + sd * random.nextGaussian());
            }
        }
        return x;
    }
}
