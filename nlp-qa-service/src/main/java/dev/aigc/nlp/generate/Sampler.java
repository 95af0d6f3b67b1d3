package dev.aigc.nlp.generate;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next character from logits with temperature, top-k and top-p (nucleus) filtering, using a seeded
 * {@link Random} so the same seed and settings reproduce the same text. The unknown-character id (0) is never
 * chosen. Candidates are ordered by logit (ties by id) without boxing, so a step costs microseconds.
 */
public final class Sampler {

    private final double temperature;
    private final int topK;
    private final double topP;
    private final Random random;

    public Sampler(double temperature, int topK, double topP, long seed) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.random = new Random(seed);
    }

    public int next(float[] logits) {
        int[] order = candidates(logits);
        double max = logits[order[0]];
        double[] p = new double[order.length];
        double sum = 0;
        for (int i = 0; i < order.length; i++) {
            p[i] = Math.exp((logits[order[i]] - max) / temperature);
            sum += p[i];
        }
        int cut = order.length;
        if (topP < 1) {
            double cumulative = 0;
            for (int i = 0; i < order.length; i++) {
                cumulative += p[i] / sum;
                if (cumulative >= topP) {
                    cut = i + 1;
                    break;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < cut; i++) {
            total += p[i];
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < cut; i++) {
            r -= p[i];
            if (r <= 0) {
                return order[i];
            }
        }
        return order[cut - 1];
    }

    /** Ids 1..n-1 best first: the top k by partial selection, or all of them sorted when top-k is off. */
    private int[] candidates(float[] logits) {
        int n = logits.length - 1;
        int k = topK > 0 ? Math.min(topK, n) : n;
        if (k == n) {
            long[] keys = new long[n];
            for (int id = 1; id <= n; id++) {
                keys[id - 1] = ((long) ~sortable(logits[id]) << 32) | id;
            }
            Arrays.sort(keys);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = (int) keys[i];
            }
            return order;
        }
        int[] top = new int[k];
        int size = 0;
        for (int id = 1; id <= n; id++) {
            float v = logits[id];
            if (size == k && v <= logits[top[k - 1]]) {
                continue;
            }
            int pos = size < k ? size++ : k - 1;
            while (pos > 0 && logits[top[pos - 1]] < v) {
                top[pos] = top[pos - 1];
                pos--;
            }
            top[pos] = id;
        }
        return top;
    }

    /** Maps a float to an int whose signed order matches the float order. */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
    }
}
