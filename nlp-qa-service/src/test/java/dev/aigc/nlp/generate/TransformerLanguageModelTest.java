package dev.aigc.nlp.generate;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties of the Transformer that hold for any weights: a small randomly initialised model (no training needed)
 * with a context of 16, so the window refill is exercised too.
 */
class TransformerLanguageModelTest {

    private static final int VOCAB = 60;
    private static final int CONTEXT = 16;
    private static Model model;
    private static TransformerLanguageModel lm;

    @BeforeAll
    static void build() {
        TransformerLmConfig config = new TransformerLmConfig(VOCAB, CONTEXT, 32, 2, 4, 64);
        model = Model.newInstance(CharLanguageModel.NAME, "PyTorch");
        TransformerLmBlock block = new TransformerLmBlock(config);
        block.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, CONTEXT));
        String chars = IntStream.range(0, VOCAB * 3).mapToObj(i -> String.valueOf((char) ('一' + i % (VOCAB - 1))))
                .collect(Collectors.joining());
        lm = TransformerLanguageModel.of(model, CharVocab.build(chars, VOCAB, 1));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void shouldNeverLetALaterCharacterChangeAnEarlierLogit() {
        long[] ids = {5, 9, 2, 14, 33, 7, 21, 40, 3, 11};
        long[] changed = ids.clone();
        changed[6] = 50;
        changed[9] = 1;
        try (NDManager m = model.getNDManager().newSubManager()) {
            float[][] a = logits(m, ids);
            float[][] b = logits(m, changed);
            for (int t = 0; t < 6; t++) {
                for (int v = 0; v < VOCAB; v++) {
                    assertThat(b[t][v]).isCloseTo(a[t][v], within(1e-5f));
                }
            }
            assertThat(b[6]).isNotEqualTo(a[6]);
        }
    }

    @Test
    void shouldGiveTheSameLogitsAndTokensWithAndWithoutTheKeyValueCache() {
        int[] prompt = {3, 8, 13, 21};
        List<Integer> cached = sample(lm.newSession(), prompt, 3 * CONTEXT, 99);
        List<Integer> uncached = sample(lm.newUncachedSession(), prompt, 3 * CONTEXT, 99);
        assertThat(cached).hasSize(3 * CONTEXT).isEqualTo(uncached);

        try (LanguageModel.Session a = lm.newSession(); LanguageModel.Session b = lm.newUncachedSession()) {
            float[] la = a.feed(prompt);
            float[] lb = b.feed(prompt);
            for (int step = 0; step < 2 * CONTEXT; step++) {
                for (int v = 0; v < VOCAB; v++) {
                    assertThat(la[v]).isCloseTo(lb[v], within(1e-4f));
                }
                int next = 1 + step % (VOCAB - 1);
                la = a.feed(new int[] {next});
                lb = b.feed(new int[] {next});
            }
        }
    }

    @Test
    void shouldReproduceTheSameTokensForTheSameSeedAndDifferForAnother() {
        int[] prompt = {4, 4, 9};
        assertThat(sample(lm.newSession(), prompt, 30, 5)).isEqualTo(sample(lm.newSession(), prompt, 30, 5))
                .isNotEqualTo(sample(lm.newSession(), prompt, 30, 6));
    }

    private static float[][] logits(NDManager m, long[] ids) {
        NDArray input = m.create(ids, new Shape(1, ids.length));
        NDArray out = model.getBlock().forward(new ParameterStore(m, false), new NDList(input), false).head();
        float[][] rows = new float[ids.length][];
        for (int t = 0; t < ids.length; t++) {
            rows[t] = out.get(0, t).toFloatArray();
        }
        return rows;
    }

    private static List<Integer> sample(LanguageModel.Session session, int[] prompt, int n, long seed) {
        try (session) {
            Sampler sampler = new Sampler(1.0, 0, 1.0, 1.2, seed);
            sampler.observe(prompt);
            List<Integer> out = new ArrayList<>();
            float[] logits = session.feed(prompt);
            for (int i = 0; i < n; i++) {
                int next = sampler.next(logits);
                out.add(next);
                logits = session.feed(new int[] {next});
            }
            return out;
        }
    }
}
