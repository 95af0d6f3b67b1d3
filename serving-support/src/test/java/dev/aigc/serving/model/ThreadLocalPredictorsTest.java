package dev.aigc.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real PyTorch models (a 3→2 linear layer saved and loaded from version directories). */
class ThreadLocalPredictorsTest {

    private static final float[][] WEIGHTS_V1 = {{1, 2, 3}, {0, -1, 0.5f}};
    private static final float[][] WEIGHTS_V2 = {{-1, 0, 0}, {2, 2, 2}};
    private static final float[] INPUT = {1, 2, 4};

    @TempDir
    Path root;

    private ModelRegistry<Model> registry;
    private ThreadLocalPredictors<Model, float[], float[]> predictors;

    @BeforeEach
    void setUp() throws Exception {
        save("v1", WEIGHTS_V1, Instant.parse("2026-01-01T00:00:00Z"));
        save("v2", WEIGHTS_V2, Instant.parse("2026-02-01T00:00:00Z"));
        registry = new ModelRegistry<>("linear", root.toString(), (dir, card) -> {
            Model model = Model.newInstance("linear", "PyTorch");
            model.setBlock(linear());
            model.load(dir, "linear");
            return model;
        }, "v1");
        registry.start();
        predictors = ThreadLocalPredictors.forModels(new VectorTranslator());
    }

    @AfterEach
    void tearDown() {
        if (predictors != null) {
            predictors.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldPredictWithTheLoadedWeights() throws Exception {
        try (ModelLease<Model> lease = registry.acquire()) {
            float[] output = predictors.get(lease).predict(INPUT);

            // W·x + b with b = 0: [1+4+12, 0-2+2]
            assertThat(output).containsExactly(17f, 0f);
        }
    }

    @Test
    void shouldGiveEachThreadItsOwnPredictorAndReuseIt() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (ModelLease<Model> lease = registry.acquire()) {
            Predictor<float[], float[]> mine = predictors.get(lease);
            Predictor<float[], float[]> theirs = other.submit(() -> predictors.get(lease)).get(30, TimeUnit.SECONDS);

            assertThat(predictors.get(lease)).isSameAs(mine);
            assertThat(theirs).isNotSameAs(mine);
            assertThat(other.submit(() -> predictors.get(lease).predict(INPUT)).get(30, TimeUnit.SECONDS))
                    .containsExactly(17f, 0f);
            assertThat(predictors.size()).isEqualTo(2);
        } finally {
            other.shutdown();
        }
    }

    @Test
    void shouldCloseThePredictorsOfASwappedOutModel() throws Exception {
        try (ModelLease<Model> lease = registry.acquire()) {
            predictors.get(lease).predict(INPUT);
        }
        assertThat(predictors.size()).isEqualTo(1);

        registry.activate("v2");

        assertThat(predictors.size()).as("v1's predictor went with v1").isZero();
        try (ModelLease<Model> lease = registry.acquire()) {
            assertThat(predictors.get(lease).predict(INPUT)).containsExactly(-1f, 14f);
        }
    }

    @Test
    void shouldRefuseAClosedModel() {
        LoadedModel<Model> v1 = registry.active();
        registry.activate("v2");

        assertThatThrownBy(() -> predictors.get(v1)).isInstanceOf(IllegalStateException.class);
    }

    private void save(String version, float[][] weights, Instant createdAt) throws Exception {
        Path dir = Files.createDirectories(root.resolve(version));
        try (Model model = Model.newInstance("linear", "PyTorch")) {
            Block block = linear();
            model.setBlock(block);
            NDManager manager = model.getNDManager();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            float[] flat = new float[6];
            for (int row = 0; row < 2; row++) {
                System.arraycopy(weights[row], 0, flat, row * 3, 3);
            }
            block.getParameters().get("weight").getArray().set(FloatBuffer.wrap(flat));
            block.getParameters().get("bias").getArray().set(FloatBuffer.wrap(new float[2]));
            model.save(dir, "linear");
        }
        new ModelCard("linear", version, createdAt, "synthetic", Map.of(), Map.of(), Map.of()).write(dir);
    }

    private static Block linear() {
        return Linear.builder().setUnits(2).build();
    }

    /** float[3] in, float[2] out. */
    private static final class VectorTranslator implements NoBatchifyTranslator<float[], float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, float[] input) {
            return new NDList(ctx.getNDManager().create(input).reshape(1, input.length));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().toFloatArray();
        }
    }
}
