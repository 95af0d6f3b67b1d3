package dev.aigc.gan.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.training.Devices;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained generator loaded from a version directory ({@code generator-NNNN.params} plus {@code model-card.json},
 * whose {@code details.architecture} names the design). Run it through a {@link Predictor} made with
 * {@link #newPredictor()}: one per thread.
 */
public final class GanGenerator implements AutoCloseable {

    public static final String PARAMS_PREFIX = "generator";

    private final Model model;
    private final GanArchitecture architecture;

    private GanGenerator(Model model, GanArchitecture architecture) {
        this.model = model;
        this.architecture = architecture;
    }

    public static GanGenerator load(Path versionDir, ModelCard card) throws IOException, MalformedModelException {
        Object arch = card.details().getOrDefault("architecture", GanArchitecture.CDCGAN.id());
        return load(versionDir, GanArchitecture.of(String.valueOf(arch)));
    }

    public static GanGenerator load(Path versionDir, GanArchitecture architecture)
            throws IOException, MalformedModelException {
        Model model = Model.newInstance(architecture.id() + "-" + PARAMS_PREFIX, Devices.preferred());
        try {
            model.setBlock(architecture.generator());
            model.load(versionDir, PARAMS_PREFIX);
            return new GanGenerator(model, architecture);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Number of weights (including batch-norm statistics). */
    public long parameterCount() {
        return model.getBlock().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    public GanArchitecture architecture() {
        return architecture;
    }

    /** A predictor from generator inputs to images (28×28 row-major, [0, 1], white ink on black). */
    public Predictor<LatentCodes, float[][]> newPredictor() {
        return model.newPredictor(new ImagesTranslator());
    }

    /** One forward pass with a short-lived predictor (commands and evaluation; the service reuses predictors). */
    public float[][] generate(LatentCodes codes) {
        try (Predictor<LatentCodes, float[][]> predictor = newPredictor()) {
            return predictor.predict(codes);
        } catch (TranslateException e) {
            throw new IllegalStateException("Generation failed", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /** All of a request's images in one batch: {@code (count, inputSize)} in, {@code (count, 1, 28, 28)} out. */
    static final class ImagesTranslator implements NoBatchifyTranslator<LatentCodes, float[][]> {

        @Override
        public NDList processInput(TranslatorContext ctx, LatentCodes codes) {
            return new NDList(ctx.getNDManager().create(codes.rows(), new Shape(codes.count(), codes.inputSize())));
        }

        @Override
        public float[][] processOutput(TranslatorContext ctx, NDList list) {
            NDArray images = list.singletonOrThrow().add(1f).div(2f).clip(0f, 1f);
            int count = (int) images.getShape().get(0);
            float[] flat = images.toFloatArray();
            float[][] out = new float[count][MnistData.PIXELS];
            for (int i = 0; i < count; i++) {
                System.arraycopy(flat, i * MnistData.PIXELS, out[i], 0, MnistData.PIXELS);
            }
            return out;
        }
    }
}
