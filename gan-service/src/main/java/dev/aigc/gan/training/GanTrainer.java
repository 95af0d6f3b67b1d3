package dev.aigc.gan.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.gan.model.LatentCodes;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.training.Devices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Adversarial training of one generator/discriminator pair with two DJL {@link Trainer}s: per batch one
 * discriminator step (real images against label {@code realTarget}, generated ones against 0, binary cross-entropy
 * on logits) and one generator step (generated images against 1). Generated digits are drawn uniformly.
 */
public final class GanTrainer implements AutoCloseable {

    public static final String GENERATOR = "generator";
    public static final String DISCRIMINATOR = "discriminator";

    private final GanSettings settings;
    private final Model generator;
    private final Model discriminator;
    private final Trainer gTrainer;
    private final Trainer dTrainer;
    private final SplittableRandom noise;

    /** Creates both networks; {@code resumeFrom} (nullable) holds generator/discriminator params to start from. */
    public GanTrainer(GanSettings settings, Path resumeFrom) throws IOException, MalformedModelException {
        this.settings = settings;
        GanArchitecture arch = settings.architecture();
        Device device = Devices.preferred();
        generator = Model.newInstance(arch.id() + "-" + GENERATOR, device);
        generator.setBlock(arch.generator());
        discriminator = Model.newInstance(arch.id() + "-" + DISCRIMINATOR, device);
        discriminator.setBlock(arch.discriminator());
        if (resumeFrom != null) {
            generator.load(resumeFrom, GENERATOR);
            if (hasParams(resumeFrom, DISCRIMINATOR)) {
                discriminator.load(resumeFrom, DISCRIMINATOR);
            }
        }
        gTrainer = generator.newTrainer(config(settings.generatorLearningRate(), settings.beta1()));
        dTrainer = discriminator.newTrainer(config(settings.learningRate(), settings.beta1()));
        int b = settings.batchSize();
        gTrainer.initialize(new Shape(b, arch.inputSize()));
        if (arch.conditional()) {
            dTrainer.initialize(new Shape(b, 1, 28, 28), new Shape(b, GanArchitecture.CLASSES));
        } else {
            dTrainer.initialize(new Shape(b, 1, 28, 28));
        }
        noise = new SplittableRandom(settings.seed());
    }

    private static DefaultTrainingConfig config(float learningRate, float beta1) {
        return new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                .optInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT)
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(learningRate))
                        .optBeta1(beta1).build())
                .optDevices(new Device[] {Devices.preferred()});
    }

    /** Losses averaged over one epoch. */
    public record EpochLosses(int epoch, double discriminator, double generator, double realProbability,
                              double fakeProbability, int batches, double seconds) {
    }

    /** Reports each finished batch (for progress bars and job status). */
    public interface BatchListener {
        void onBatch(int batch, int batches, float dLoss, float gLoss);
    }

    /**
     * One pass over {@code data} in an order shuffled by the seed and the epoch; at most {@code maxBatches} batches
     * when positive. Stops early (returning what it averaged) when {@code cancelled} turns true.
     */
    public EpochLosses trainEpoch(int epoch, MnistData data, int maxBatches, BatchListener listener,
                                  BooleanSupplier cancelled) {
        return trainEpoch(epoch, 0, data, maxBatches, listener, cancelled);
    }

    /** As above, starting at batch {@code firstBatch} of the epoch's order (resuming a mid-epoch checkpoint). */
    public EpochLosses trainEpoch(int epoch, int firstBatch, MnistData data, int maxBatches, BatchListener listener,
                                  BooleanSupplier cancelled) {
        long start = System.nanoTime();
        int b = settings.batchSize();
        int batches = data.size() / b;
        if (maxBatches > 0) {
            batches = Math.min(batches, maxBatches);
        }
        int[] order = shuffled(data.size(), settings.seed() * 31 + epoch);
        GanArchitecture arch = settings.architecture();
        float[] real = new float[b * MnistData.PIXELS];
        float[] realLabels = new float[b * GanArchitecture.CLASSES];
        double dSum = 0;
        double gSum = 0;
        double pReal = 0;
        double pFake = 0;
        int done = 0;
        NDManager root = dTrainer.getManager();
        for (int batch = firstBatch; batch < batches && !cancelled.getAsBoolean(); batch++) {
            java.util.Arrays.fill(realLabels, 0f);
            for (int i = 0; i < b; i++) {
                int index = order[batch * b + i];
                float[] image = data.images()[index];
                for (int p = 0; p < MnistData.PIXELS; p++) {
                    real[i * MnistData.PIXELS + p] = image[p] * 2f - 1f;
                }
                realLabels[i * GanArchitecture.CLASSES + data.labels()[index]] = 1f;
            }
            try (NDManager m = root.newSubManager()) {
                NDArray realImages = m.create(real, new Shape(b, 1, 28, 28));
                NDArray realOneHot = m.create(realLabels, new Shape(b, GanArchitecture.CLASSES));
                LatentCodes codes = LatentCodes.sample(arch, b, null, noise.nextLong());
                NDArray fakeOneHot = oneHot(m, codes);
                float dLoss;
                float gLoss;
                NDArray fake;
                // DJL 0.25's PyTorch collector does not zero gradients (the optimiser zeroes those it updates), so
                // the discriminator still holds the gradients the last generator step pushed through it
                zeroGradients(discriminator);
                try (GradientCollector collector = dTrainer.newGradientCollector()) {
                    // the generator's graph is recorded here and reused by the generator step below
                    fake = gTrainer.forward(new NDList(input(m, codes))).singletonOrThrow();
                    NDArray realLogits = discriminate(dTrainer, realImages, realOneHot);
                    NDArray fakeLogits = discriminate(dTrainer, fake.stopGradient(), fakeOneHot);
                    NDArray loss = bceWithLogits(realLogits, settings.realTarget())
                            .add(bceWithLogits(fakeLogits, 0f));
                    collector.backward(loss);
                    dLoss = loss.getFloat();
                    pReal += realLogits.getNDArrayInternal().sigmoid().mean().getFloat();
                    pFake += fakeLogits.getNDArrayInternal().sigmoid().mean().getFloat();
                }
                dTrainer.step();
                try (GradientCollector collector = gTrainer.newGradientCollector()) {
                    NDArray loss = bceWithLogits(discriminate(dTrainer, fake, fakeOneHot), 1f);
                    collector.backward(loss);
                    gLoss = loss.getFloat();
                }
                gTrainer.step();
                dSum += dLoss;
                gSum += gLoss;
                done++;
                if (listener != null) {
                    listener.onBatch(batch + 1, batches, dLoss, gLoss);
                }
            }
        }
        int n = Math.max(1, done);
        return new EpochLosses(epoch, dSum / n, gSum / n, pReal / n, pFake / n, done,
                (System.nanoTime() - start) / 1e9);
    }

    private static void zeroGradients(Model model) {
        for (var pair : model.getBlock().getParameters()) {
            NDArray array = pair.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    private NDArray discriminate(Trainer trainer, NDArray images, NDArray oneHot) {
        NDList in = settings.architecture().conditional() ? new NDList(images, oneHot) : new NDList(images);
        return trainer.forward(in).singletonOrThrow();
    }

    /** Numerically stable binary cross-entropy on logits against a constant target, averaged. */
    static NDArray bceWithLogits(NDArray logits, float target) {
        return logits.maximum(0f).sub(logits.mul(target))
                .add(logits.abs().neg().exp().add(1f).log()).mean();
    }

    private static NDArray input(NDManager m, LatentCodes codes) {
        return m.create(codes.rows(), new Shape(codes.count(), codes.inputSize()));
    }

    private static NDArray oneHot(NDManager m, LatentCodes codes) {
        float[] oneHot = new float[codes.count() * GanArchitecture.CLASSES];
        for (int i = 0; i < codes.count(); i++) {
            if (codes.digits()[i] >= 0) {
                oneHot[i * GanArchitecture.CLASSES + codes.digits()[i]] = 1f;
            }
        }
        return m.create(oneHot, new Shape(codes.count(), GanArchitecture.CLASSES));
    }

    /** Runs the generator in inference mode (batch-norm running statistics) and returns images in [0, 1]. */
    public float[][] generate(LatentCodes codes) {
        try (NDManager m = generator.getNDManager().newSubManager()) {
            NDArray out = generator.getBlock()
                    .forward(new ParameterStore(m, false), new NDList(input(m, codes)), false)
                    .singletonOrThrow();
            float[] flat = out.add(1f).div(2f).clip(0f, 1f).toFloatArray();
            float[][] images = new float[codes.count()][MnistData.PIXELS];
            for (int i = 0; i < images.length; i++) {
                System.arraycopy(flat, i * MnistData.PIXELS, images[i], 0, MnistData.PIXELS);
            }
            return images;
        }
    }

    /** Saves both networks as {@code generator-NNNN.params} / {@code discriminator-NNNN.params}. */
    public void saveCheckpoint(Path dir, int epoch) throws IOException {
        Files.createDirectories(dir);
        generator.setProperty("Epoch", Integer.toString(epoch));
        discriminator.setProperty("Epoch", Integer.toString(epoch));
        generator.save(dir, GENERATOR);
        discriminator.save(dir, DISCRIMINATOR);
        deleteOlder(dir, GENERATOR, epoch);
        deleteOlder(dir, DISCRIMINATOR, epoch);
    }

    /** Saves the generator alone (what serving needs). */
    public void saveGenerator(Path dir, int epoch) throws IOException {
        Files.createDirectories(dir);
        generator.setProperty("Epoch", Integer.toString(epoch));
        generator.save(dir, GENERATOR);
    }

    public GanSettings settings() {
        return settings;
    }

    static boolean hasParams(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().matches(prefix + "-\\d{4}\\.params"));
        }
    }

    private static void deleteOlder(Path dir, String prefix, int keep) throws IOException {
        String kept = String.format("%s-%04d.params", prefix, keep);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches(prefix + "-\\d{4}\\.params") && !name.equals(kept)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public void close() {
        gTrainer.close();
        dTrainer.close();
        generator.close();
        discriminator.close();
    }
}
