package dev.aigc.gan.eval;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.training.Devices;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The MNIST classifier that judges generated digits (never the GAN's own discriminator): two 5×5 convolutions with
 * max pooling, a 128-unit hidden layer whose activations are the features of the Fréchet distance, and a 10-way
 * output. Trained by {@link TrainEvalClassifierCommand}; its weights live in {@code src/main/resources/eval/}.
 */
public final class EvalClassifier implements AutoCloseable {

    public static final String NAME = "eval-classifier";
    public static final int FEATURES = 128;

    private final Model model;
    private final Block features;
    private final Block head;

    private EvalClassifier(Model model, Block features, Block head) {
        this.model = model;
        this.features = features;
        this.head = head;
    }

    /** A classifier with fresh (uninitialised) blocks, for training. */
    public static EvalClassifier create() {
        Block features = new SequentialBlock()
                .add(conv(32)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(64)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(FEATURES).build()).add(Activation.reluBlock());
        Block head = Linear.builder().setUnits(10).build();
        Model model = Model.newInstance(NAME, Devices.preferred());
        model.setBlock(new SequentialBlock().add(features).add(head));
        return new EvalClassifier(model, features, head);
    }

    /** Loads the weights from {@code dir} ({@code eval-classifier-NNNN.params}). */
    public static EvalClassifier load(Path dir) throws IOException, MalformedModelException {
        EvalClassifier classifier = create();
        classifier.model.load(dir, NAME);
        return classifier;
    }

    /** The weights shipped with the service, copied out of the classpath when needed. */
    public static EvalClassifier loadShipped() throws IOException, MalformedModelException {
        return load(ShippedFiles.directory("eval/" + NAME));
    }

    Model model() {
        return model;
    }

    /** Class probabilities and penultimate features of images in [0, 1] (white ink on black). */
    public record Output(float[][] probabilities, float[][] features) {

        public int predicted(int i) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            return best;
        }
    }

    /** Runs in batches of 500. */
    public Output classify(float[][] images) {
        float[][] probs = new float[images.length][];
        float[][] feats = new float[images.length][];
        int batch = 500;
        for (int from = 0; from < images.length; from += batch) {
            int n = Math.min(batch, images.length - from);
            try (NDManager m = model.getNDManager().newSubManager()) {
                float[] flat = new float[n * MnistData.PIXELS];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(images[from + i], 0, flat, i * MnistData.PIXELS, MnistData.PIXELS);
                }
                ParameterStore store = new ParameterStore(m, false);
                NDArray f = features.forward(store, new NDList(m.create(flat, new Shape(n, 1, 28, 28))), false)
                        .singletonOrThrow();
                NDArray p = head.forward(store, new NDList(f), false).singletonOrThrow().softmax(1);
                float[] fArr = f.toFloatArray();
                float[] pArr = p.toFloatArray();
                for (int i = 0; i < n; i++) {
                    feats[from + i] = java.util.Arrays.copyOfRange(fArr, i * FEATURES, (i + 1) * FEATURES);
                    probs[from + i] = java.util.Arrays.copyOfRange(pArr, i * 10, (i + 1) * 10);
                }
            }
        }
        return new Output(probs, feats);
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).setFilters(filters)
                .build();
    }

    @Override
    public void close() {
        model.close();
    }
}
