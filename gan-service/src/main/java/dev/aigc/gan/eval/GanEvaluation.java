package dev.aigc.gan.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.gan.model.LatentCodes;
import dev.aigc.serving.data.MnistData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures a generator with the evaluation classifier: class agreement (conditional models), classifier-based
 * Inception Score, Fréchet distance of the classifier's penultimate features to the MNIST test set, and the
 * distribution of MSE / SSIM between generated digits and their nearest training image (by MSE).
 */
public final class GanEvaluation {

    /**
     * @param samples        generated images for agreement, Inception Score and Fréchet distance
     * @param nearestSamples generated images compared with every training image
     * @param seed           base seed of the generator noise
     */
    public record Options(int samples, int nearestSamples, long seed, double truncation) {

        public Options(int samples, int nearestSamples, long seed) {
            this(samples, nearestSamples, seed, 1.0);
        }

        public static Options full() {
            return new Options(10_000, 500, 7_000_000L);
        }

        public Options withTruncation(double psi) {
            return new Options(samples, nearestSamples, seed, psi);
        }
    }

    private final EvalClassifier classifier;
    private final MnistData train;
    private final MnistData test;
    private float[][] testFeatures;

    public GanEvaluation(EvalClassifier classifier, MnistData train, MnistData test) {
        this.classifier = classifier;
        this.train = train;
        this.test = test;
    }

    /** Generated digits cycle 0, 1, …, 9 so every digit gets the same share. */
    public Map<String, Object> evaluate(GanArchitecture architecture, Function<LatentCodes, float[][]> generator,
                                        Options options) {
        int n = options.samples();
        float[][] images = new float[n][];
        int[] requested = new int[n];
        int batch = 500;
        for (int from = 0, b = 0; from < n; from += batch, b++) {
            int count = Math.min(batch, n - from);
            int[] digits = new int[count];
            for (int i = 0; i < count; i++) {
                digits[i] = (from + i) % 10;
            }
            LatentCodes codes = LatentCodes.forDigits(architecture, digits, options.seed() + b)
                    .truncated(options.truncation());
            float[][] out = generator.apply(codes);
            System.arraycopy(out, 0, images, from, count);
            System.arraycopy(digits, 0, requested, from, count);
        }
        EvalClassifier.Output out = classifier.classify(images);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("samples", n);
        metrics.put("truncation", options.truncation());
        if (architecture.conditional()) {
            int agree = 0;
            int[] perDigit = new int[10];
            int[] perDigitTotal = new int[10];
            for (int i = 0; i < n; i++) {
                perDigitTotal[requested[i]]++;
                if (out.predicted(i) == requested[i]) {
                    agree++;
                    perDigit[requested[i]]++;
                }
            }
            metrics.put("classAgreement", round(agree / (double) n, 4));
            Map<String, Object> byDigit = new LinkedHashMap<>();
            for (int d = 0; d < 10; d++) {
                byDigit.put(Integer.toString(d), round(perDigit[d] / (double) Math.max(1, perDigitTotal[d]), 4));
            }
            metrics.put("classAgreementByDigit", byDigit);
        }
        metrics.put("predictedClassShares", classShares(out, n));
        metrics.put("inceptionScore", round(inceptionScore(out.probabilities()), 3));
        metrics.put("frechetDistanceToTest", round(Frechet.distance(out.features(), testFeatures()), 3));
        int m = Math.min(options.nearestSamples(), n);
        metrics.put("nearestTrainingImage", nearest(Arrays.copyOf(images, m)));
        return metrics;
    }

    /** The same numbers for real images, the reference the generated ones are read against. */
    public Map<String, Object> realReference(int nearestSamples) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        EvalClassifier.Output out = classifier.classify(test.images());
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            if (out.predicted(i) == test.labels()[i]) {
                correct++;
            }
        }
        metrics.put("classifierTestAccuracy", round(correct / (double) test.size(), 4));
        metrics.put("inceptionScoreTest", round(inceptionScore(out.probabilities()), 3));
        float[][] features = testFeatures();
        int half = features.length / 2;
        metrics.put("frechetDistanceTestHalves", round(Frechet.distance(Arrays.copyOfRange(features, 0, half),
                Arrays.copyOfRange(features, half, features.length)), 3));
        float[][] trainSample = Arrays.copyOf(train.images(), test.size());
        metrics.put("frechetDistanceTrain10kToTest", round(Frechet.distance(classifier.classify(trainSample).features(),
                features), 3));
        metrics.put("nearestTrainingImageOfTestImages", nearest(Arrays.copyOf(test.images(), nearestSamples)));
        return metrics;
    }

    private float[][] testFeatures() {
        if (testFeatures == null) {
            testFeatures = classifier.classify(test.images()).features();
        }
        return testFeatures;
    }

    static double inceptionScore(float[][] probs) {
        int classes = probs[0].length;
        double[] marginal = new double[classes];
        for (float[] p : probs) {
            for (int c = 0; c < classes; c++) {
                marginal[c] += p[c];
            }
        }
        for (int c = 0; c < classes; c++) {
            marginal[c] /= probs.length;
        }
        double kl = 0;
        for (float[] p : probs) {
            for (int c = 0; c < classes; c++) {
                if (p[c] > 1e-12) {
                    kl += p[c] * (Math.log(p[c]) - Math.log(Math.max(marginal[c], 1e-12)));
                }
            }
        }
        return Math.exp(kl / probs.length);
    }

    private static Map<String, Object> classShares(EvalClassifier.Output out, int n) {
        int[] counts = new int[10];
        for (int i = 0; i < n; i++) {
            counts[out.predicted(i)]++;
        }
        Map<String, Object> shares = new LinkedHashMap<>();
        for (int d = 0; d < 10; d++) {
            shares.put(Integer.toString(d), round(counts[d] / (double) n, 4));
        }
        return shares;
    }

    /**
     * For each image, the training image with the smallest MSE (found with one matrix product per chunk of the
     * training set), then the MSE and SSIM to it, summarised as percentiles.
     */
    Map<String, Object> nearest(float[][] images) {
        int n = images.length;
        float[][] trainImages = train.images();
        double[] best = new double[n];
        int[] bestIndex = new int[n];
        Arrays.fill(best, Double.MAX_VALUE);
        float[] flat = new float[n * MnistData.PIXELS];
        for (int i = 0; i < n; i++) {
            System.arraycopy(images[i], 0, flat, i * MnistData.PIXELS, MnistData.PIXELS);
        }
        int chunk = 5000;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray g = m.create(flat, new Shape(n, MnistData.PIXELS));
            NDArray gNorm = g.square().sum(new int[] {1}).reshape(n, 1);
            for (int from = 0; from < trainImages.length; from += chunk) {
                int count = Math.min(chunk, trainImages.length - from);
                float[] t = new float[count * MnistData.PIXELS];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(trainImages[from + i], 0, t, i * MnistData.PIXELS, MnistData.PIXELS);
                }
                try (NDManager c = m.newSubManager()) {
                    NDArray tr = c.create(t, new Shape(count, MnistData.PIXELS));
                    NDArray tNorm = tr.square().sum(new int[] {1}).reshape(1, count);
                    NDArray dist = gNorm.add(tNorm).sub(g.matMul(tr.transpose()).mul(2f));
                    long[] arg = dist.argMin(1).toLongArray();
                    float[] min = dist.min(new int[] {1}).toFloatArray();
                    for (int i = 0; i < n; i++) {
                        if (min[i] < best[i]) {
                            best[i] = min[i];
                            bestIndex[i] = from + (int) arg[i];
                        }
                    }
                }
            }
        }
        double[] mse = new double[n];
        double[] ssim = new double[n];
        for (int i = 0; i < n; i++) {
            mse[i] = Ssim.mse(images[i], trainImages[bestIndex[i]]);
            ssim[i] = Ssim.ssim(images[i], trainImages[bestIndex[i]]);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("images", n);
        out.put("trainingImages", trainImages.length);
        out.put("mse", percentiles(mse, 5));
        out.put("ssim", percentiles(ssim, 4));
        return out;
    }

    static Map<String, Object> percentiles(double[] values, int digits) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mean", round(Arrays.stream(sorted).average().orElse(Double.NaN), digits));
        for (int p : new int[] {1, 5, 25, 50, 75, 95, 99}) {
            int index = (int) Math.min(sorted.length - 1, Math.round(p / 100.0 * (sorted.length - 1)));
            out.put("p" + p, round(sorted[index], digits));
        }
        return out;
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
