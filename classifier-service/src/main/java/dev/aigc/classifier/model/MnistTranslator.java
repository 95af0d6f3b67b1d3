package dev.aigc.classifier.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Input: a batch of MNIST-layout images ({@code float[N][784]}, ink = 1). Output: the model's probabilities
 * ({@code float[N][10]}). The whole batch goes through the network in one forward pass.
 */
public final class MnistTranslator implements NoBatchifyTranslator<float[][], float[][]> {

    public static final int PIXELS = 784;
    public static final int CLASSES = 10;

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] images) {
        float[] flat = new float[images.length * PIXELS];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, flat, i * PIXELS, PIXELS);
        }
        return new NDList(ctx.getNDManager().create(flat, new Shape(images.length, 1, 28, 28)));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        float[] flat = list.singletonOrThrow().toFloatArray();
        float[][] out = new float[flat.length / CLASSES][CLASSES];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * CLASSES, out[i], 0, CLASSES);
        }
        return out;
    }
}
