package dev.aigc.gan.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.training.ProgressBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Command line: trains the evaluation classifier on the MNIST training set and reports its test accuracy.
 * {@code java -cp … dev.aigc.gan.eval.TrainEvalClassifierCommand [--epochs 2] [--out dir]}
 */
public final class TrainEvalClassifierCommand {

    private TrainEvalClassifierCommand() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = 2;
        Path out = Path.of("gan-service/src/main/resources/eval/" + EvalClassifier.NAME);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        MnistData train = MnistData.load(MnistData.Split.TRAIN);
        MnistData test = MnistData.load(MnistData.Split.TEST);
        try (EvalClassifier classifier = EvalClassifier.create()) {
            double accuracy = train(classifier, train, test, epochs, 0);
            Files.createDirectories(out);
            classifier.model().setProperty("Epoch", Integer.toString(epochs));
            classifier.model().setProperty("TestAccuracy", String.format("%.4f", accuracy));
            classifier.model().save(out, EvalClassifier.NAME);
            Files.writeString(out.resolve("files.txt"), String.format("%s-%04d.params%n", EvalClassifier.NAME, epochs));
            Files.writeString(out.resolve("README.txt"), String.format(
                    "Evaluation classifier of gan-service (not the GAN discriminator).%n"
                            + "Trained %d epochs on the 60,000 MNIST training images, Adam(1e-3), batch 128.%n"
                            + "Test accuracy on the 10,000 MNIST test images: %.2f%%%n", epochs, accuracy * 100));
            System.out.printf("Saved to %s; test accuracy %.2f%%%n", out.toAbsolutePath(), accuracy * 100);
        }
    }

    /** Trains in place; {@code maxBatches} > 0 limits batches per epoch (tests). Returns test accuracy. */
    static double train(EvalClassifier classifier, MnistData train, MnistData test, int epochs, int maxBatches) {
        int batchSize = 128;
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
        try (Trainer trainer = classifier.model().newTrainer(config)) {
            trainer.initialize(new Shape(batchSize, 1, 28, 28));
            Random random = new Random(7);
            int[] order = new int[train.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= epochs; epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                int batches = order.length / batchSize;
                if (maxBatches > 0) {
                    batches = Math.min(batches, maxBatches);
                }
                try (ProgressBar bar = new ProgressBar("classifier epoch " + epoch, batches)) {
                    for (int b = 0; b < batches; b++) {
                        float[] x = new float[batchSize * MnistData.PIXELS];
                        float[] y = new float[batchSize];
                        for (int i = 0; i < batchSize; i++) {
                            int idx = order[b * batchSize + i];
                            System.arraycopy(train.images()[idx], 0, x, i * MnistData.PIXELS, MnistData.PIXELS);
                            y[i] = train.labels()[idx];
                        }
                        try (NDManager m = trainer.getManager().newSubManager();
                             GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(m.create(x, new Shape(batchSize, 1, 28, 28))))
                                    .singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(m.create(y)), new NDList(logits));
                            collector.backward(loss);
                            bar.step(String.format("loss %.4f", loss.getFloat()));
                        }
                        trainer.step();
                    }
                }
            }
        }
        EvalClassifier.Output out = classifier.classify(test.images());
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            if (out.predicted(i) == test.labels()[i]) {
                correct++;
            }
        }
        return correct / (double) test.size();
    }
}
