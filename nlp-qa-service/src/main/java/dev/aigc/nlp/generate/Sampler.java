package dev.aigc.nlp.generate;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next character from logits with a repetition penalty, temperature, top-k and top-p (nucleus)
 * filtering, using a seeded {@link Random} so the same seed and settings reproduce the same text. The
 * unknown-character id (0) is never chosen. Candidates are ordered by logit (ties by id) without boxing, so a step
 * costs microseconds.
 *
 * <p>The repetition penalty (as in CTRL) divides the positive logits and multiplies the negative ones of the
 * characters among the last {@value #PENALTY_WINDOW} fed or chosen, so a penalty above 1 makes recent characters
 * less likely. A window rather than the whole history keeps frequent characters (的, 是, "e") usable.
 */
public final class Sampler {

    static final int PENALTY_WINDOW = 48;

    private final double temperature;
    private final int topK;
    private final double topP;
    private final double repetitionPenalty;
    private final Random random;
    private final int[] recent = new int[PENALTY_WINDOW];
    private int seen;

    public Sampler(double temperature, int topK, double topP, long seed) {
        this(temperature, topK, topP, 1.0, seed);
    }

    public Sampler(double temperature, int topK, double topP, double repetitionPenalty, long seed) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.repetitionPenalty = repetitionPenalty;
        this.random = new Random(seed);
    }

    /** Records characters of the context (the prompt, then each chosen one) for the repetition penalty. */
    public void observe(int... ids) {
        for (int id : ids) {
            recent[seen++ % PENALTY_WINDOW] = id;
        }
    }

    /** Chooses the next id and records it. {@code logits} may be modified (penalised) in place. */
    public int next(float[] logits) {
        if (repetitionPenalty != 1.0) {
            boolean[] done = new boolean[logits.length];
            for (int i = 0; i < Math.min(seen, PENALTY_WINDOW); i++) {
                int id = recent[i];
                if (!done[id]) {
                    done[id] = true;
                    logits[id] = (float) (logits[id] > 0 ? logits[id] / repetitionPenalty
                            : logits[id] * repetitionPenalty);
                }
            }
        }
        int chosen = choose(logits);
        observe(chosen);
        return chosen;
    }

    private int choose(float[] logits) {
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
