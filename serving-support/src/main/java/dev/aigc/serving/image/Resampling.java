package dev.aigc.serving.image;

/**
 * Separable resizing of a single-channel float image: area averaging along an axis that shrinks (every source
 * pixel contributes in proportion to how much of it an output pixel covers, so thin strokes fade instead of
 * vanishing), bilinear interpolation along an axis that grows.
 */
final class Resampling {

    private Resampling() {
    }

    static float[] resize(float[] source, int width, int height, int newWidth, int newHeight) {
        float[] rows = new float[newWidth * height];
        float[] line = new float[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(source, y * width, line, 0, width);
            System.arraycopy(resample(line, newWidth), 0, rows, y * newWidth, newWidth);
        }
        float[] result = new float[newWidth * newHeight];
        float[] column = new float[height];
        for (int x = 0; x < newWidth; x++) {
            for (int y = 0; y < height; y++) {
                column[y] = rows[y * newWidth + x];
            }
            float[] resized = resample(column, newHeight);
            for (int y = 0; y < newHeight; y++) {
                result[y * newWidth + x] = resized[y];
            }
        }
        return result;
    }

    static float[] resample(float[] in, int size) {
        if (size == in.length) {
            return in.clone();
        }
        return size < in.length ? areaAverage(in, size) : bilinear(in, size);
    }

    private static float[] areaAverage(float[] in, int size) {
        float[] out = new float[size];
        double ratio = (double) in.length / size;
        for (int o = 0; o < size; o++) {
            double start = o * ratio;
            double end = start + ratio;
            double sum = 0;
            for (int i = (int) start; i < Math.min(in.length, Math.ceil(end)); i++) {
                double covered = Math.min(end, i + 1) - Math.max(start, i);
                if (covered > 0) {
                    sum += covered * in[i];
                }
            }
            out[o] = (float) (sum / ratio);
        }
        return out;
    }

    private static float[] bilinear(float[] in, int size) {
        float[] out = new float[size];
        double ratio = (double) in.length / size;
        for (int o = 0; o < size; o++) {
            double position = Math.max(0, Math.min(in.length - 1, (o + 0.5) * ratio - 0.5));
            int left = (int) Math.floor(position);
            int right = Math.min(in.length - 1, left + 1);
            double t = position - left;
            out[o] = (float) ((1 - t) * in[left] + t * in[right]);
        }
        return out;
    }
}
