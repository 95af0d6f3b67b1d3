package dev.aigc.classifier.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.aigc.classifier.model.MnistNet;
import dev.aigc.classifier.model.NetSpec;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.training.ProgressBar;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Trains one network on the training split, validating after every epoch and writing a checkpoint
 * ({@code epoch-NNN.params} + {@code state.json}) so that an interrupted run resumes at the next epoch.
 * Resuming restores the weights, the epoch and the learning-rate schedule; Adam's moment estimates restart.
 */
final class TrainRun {

    private static final int PIXELS = MnistData.PIXELS;

    private final TrainSettings settings;
    private final Path runDir;
    private final PrintStream log;

    TrainRun(TrainSettings settings, Path runDir, PrintStream log) {
        this.settings = settings;
        this.runDir = runDir;
        this.log = log;
    }

    /** Trains (or resumes) until all epochs are done; returns the final state. */
    RunState fit(MnistData train, MnistData validation) throws IOException, MalformedModelException {
        RunState state = RunState.readOrEmpty(runDir);
        if (state.epochsDone() >= settings.epochs()) {
            log.printf("%s: all %d epochs already done in %s%n", settings.name(), settings.epochs(), runDir);
            return state;
        }
        Engine.getInstance().setRandomSeed((int) settings.seed());
        int steps = stepsPerEpoch(train.size());
        OneCycle schedule = new OneCycle(settings.maxLearningRate(), steps, steps * settings.epochs(),
                state.epochsDone() * steps);
        Loss lossFn = Loss.softmaxCrossEntropyLoss();
        DefaultTrainingConfig config = new DefaultTrainingConfig(lossFn)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build())
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = MnistNet.newModel(settings.name(), settings.spec(), Device.cpu())) {
            if (state.epochsDone() > 0) {
                MnistNet.readParameters(model, RunState.checkpoint(runDir, state.epochsDone()));
                log.printf("%s: resuming after epoch %d%n", settings.name(), state.epochsDone());
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(NetSpec.INPUT);
                log.printf("%s: %d trainable parameters, %d steps/epoch, %d epochs%n", settings.name(),
                        MnistNet.parameterCount(model.getBlock()), steps, settings.epochs());
                for (int epoch = state.epochsDone() + 1; epoch <= settings.epochs(); epoch++) {
                    long start = System.nanoTime();
                    double[] trainStats = epoch(trainer, lossFn, train, epoch, steps);
                    double[] valStats = validate(model, validation);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    float lr = schedule.at(epoch * steps);
                    state = state.next(new RunState.EpochStats(epoch, trainStats[0], trainStats[1], valStats[0],
                            valStats[1], lr, millis));
                    MnistNet.save(model.getBlock(), RunState.checkpoint(runDir, epoch));
                    state.write(runDir);
                    Files.deleteIfExists(RunState.checkpoint(runDir, epoch - 2));
                    log.printf("%s epoch %d/%d: loss %.4f acc %.2f%% | val loss %.4f acc %.2f%% | lr %.5f | %.1f s%n",
                            settings.name(), epoch, settings.epochs(), trainStats[0], 100 * trainStats[1],
                            valStats[0], 100 * valStats[1], lr, millis / 1000.0);
                }
            }
        }
        return state;
    }

    private int stepsPerEpoch(int examples) {
        int steps = examples / settings.batchSize(); // the ragged last batch is dropped
        return settings.maxBatches() > 0 ? Math.min(steps, settings.maxBatches()) : steps;
    }

    /** One pass; returns {mean loss, accuracy} over the examples seen. */
    private double[] epoch(Trainer trainer, Loss lossFn, MnistData train, int epoch, int steps) {
        Random random = new Random(settings.seed() * 1_000_003L + epoch);
        int[] order = permutation(train.size(), random);
        Augmenter augmenter = new Augmenter(random, 10, 0.9, 1.1, 2);
        int batch = settings.batchSize();
        float[] x = new float[batch * PIXELS];
        long[] y = new long[batch];
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        try (ProgressBar progress = new ProgressBar(settings.name() + " epoch " + epoch, steps)) {
            for (int step = 0; step < steps; step++) {
                for (int i = 0; i < batch; i++) {
                    int index = order[step * batch + i];
                    float[] image = train.images()[index];
                    if (settings.augment()) {
                        augmenter.distort(image, x, i * PIXELS);
                    } else {
                        System.arraycopy(image, 0, x, i * PIXELS, PIXELS);
                    }
                    y[i] = train.labels()[index];
                }
                try (NDManager manager = trainer.getManager().newSubManager()) {
                    NDArray input = manager.create(x, new Shape(batch, 1, 28, 28));
                    NDArray labels = manager.create(y, new Shape(batch));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                        NDArray loss = lossFn.evaluate(new NDList(labels), new NDList(logits));
                        collector.backward(loss);
                        lossSum += loss.getFloat() * batch;
                        correct += logits.argMax(1).toType(DataType.INT64, false).eq(labels).sum().getLong();
                        seen += batch;
                    }
                    trainer.step();
                }
                progress.step(1, String.format("loss %.4f acc %.2f%%", lossSum / seen, 100.0 * correct / seen));
            }
        }
        return new double[] {lossSum / seen, (double) correct / seen};
    }

    /** {mean cross-entropy, accuracy} on the validation split in evaluation mode. */
    static double[] validate(Model model, MnistData validation) {
        float[][] probs = MnistNet.probabilities(model, validation.images(), 500);
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < probs.length; i++) {
            int label = validation.labels()[i];
            loss -= Math.log(Math.max(probs[i][label], 1e-12));
            if (MnistNet.argMax(probs[i]) == label) {
                correct++;
            }
        }
        return new double[] {loss / probs.length, (double) correct / probs.length};
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
