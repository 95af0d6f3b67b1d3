package dev.aigc.classifier.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Creating, saving, loading and running one {@link NetSpec} network with the PyTorch engine. */
public final class MnistNet {

    public static final String ENGINE = "PyTorch";

    private MnistNet() {
    }

    /** A new model holding an uninitialised network of the given shape. */
    public static Model newModel(String name, NetSpec spec, Device device) {
        Model model = Model.newInstance(name, device, ENGINE);
        model.setBlock(spec.build());
        return model;
    }

    /** A model with the weights read from {@code params} (written by {@link #save}). */
    public static Model load(String name, NetSpec spec, Path params, Device device)
            throws IOException, MalformedModelException {
        Model model = newModel(name, spec, device);
        try {
            readParameters(model, params);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public static void readParameters(Model model, Path params) throws IOException, MalformedModelException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        }
    }

    /** Writes the block's parameters atomically (temp file + move). */
    public static void save(Block block, Path params) throws IOException {
        Files.createDirectories(params.toAbsolutePath().getParent());
        Path tmp = params.resolveSibling(params.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            block.saveParameters(out);
        }
        Files.move(tmp, params, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static long parameterCount(Block block) {
        long count = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                count += p.getValue().getArray().size();
            }
        }
        return count;
    }

    /**
     * Softmax probabilities for MNIST-style images (784 floats each, ink = 1), in evaluation mode, from a model
     * whose block ends in logits (a single {@link NetSpec} network, as trained).
     */
    public static float[][] probabilities(Model model, float[][] images, int batchSize) {
        return run(model, images, batchSize, true);
    }

    /**
     * The block's outputs for MNIST-style images in evaluation mode, softmax applied when asked ({@code false}
     * for an {@link MnistModel}, whose block already averages probabilities). Runs on the calling thread with
     * a temporary NDManager.
     */
    public static float[][] run(Model model, float[][] images, int batchSize, boolean softmax) {
        float[][] out = new float[images.length][];
        ParameterStore store = new ParameterStore(model.getNDManager(), false);
        for (int start = 0; start < images.length; start += batchSize) {
            int n = Math.min(batchSize, images.length - start);
            float[] flat = new float[n * 784];
            for (int i = 0; i < n; i++) {
                System.arraycopy(images[start + i], 0, flat, i * 784, 784);
            }
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = batch.create(flat, new Shape(n, 1, 28, 28));
                NDArray logits = model.getBlock().forward(store, new NDList(x), false).singletonOrThrow();
                float[] probs = (softmax ? logits.softmax(1) : logits).toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[start + i] = new float[10];
                    System.arraycopy(probs, i * 10, out[start + i], 0, 10);
                }
            }
        }
        return out;
    }

    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
