package dev.aigc.serving.testing;

/** Measurements of 28 × 28 MNIST-style frames (row-major floats, 0 = background) for assertions. */
public final class MnistFrames {

    public static final int SIDE = 28;

    private MnistFrames() {
    }

    /** {minX, minY, maxX, maxY} of the pixels above {@code threshold}; {-1,-1,-1,-1} when there are none. */
    public static int[] boundingBox(float[] frame, float threshold) {
        int minX = SIDE;
        int minY = SIDE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (frame[y * SIDE + x] > threshold) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new int[] {-1, -1, -1, -1} : new int[] {minX, minY, maxX, maxY};
    }

    /** Centre of mass {x, y} in pixel coordinates where pixel i spans [i, i+1). */
    public static double[] centreOfMass(float[] frame) {
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int row = 0; row < SIDE; row++) {
            for (int col = 0; col < SIDE; col++) {
                float value = frame[row * SIDE + col];
                mass += value;
                x += value * (col + 0.5);
                y += value * (row + 0.5);
            }
        }
        return new double[] {x / mass, y / mass};
    }

    /** Mean absolute difference of two frames. */
    public static double meanAbsoluteDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    /** Largest absolute difference of two frames. */
    public static double maxAbsoluteDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** The frame as ASCII art (for failure messages). */
    public static String ascii(float[] frame) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float v = frame[y * SIDE + x];
                out.append(v > 0.75f ? '#' : v > 0.4f ? '+' : v > 0.1f ? '.' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
