package dev.aigc.nlp.generate;

import ai.djl.MalformedModelException;
import dev.aigc.serving.model.ModelCard;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A character-level causal language model version that the generator can sample from: the character LSTM
 * ({@code charlm:v1}) or the decoder-only Transformer ({@code charlm:v2}). Both share the {@link CharVocab}
 * tokenisation, so prompts, sampling and streaming are the same for every version.
 */
public interface LanguageModel extends AutoCloseable {

    /** The registry's loader: the card's {@code architecture} says which implementation a version directory holds. */
    static LanguageModel load(Path dir, ModelCard card) throws IOException, MalformedModelException {
        return TransformerLmConfig.describes(card.details())
                ? TransformerLanguageModel.load(dir, card)
                : CharLanguageModel.load(dir, card);
    }

    CharVocab vocab();

    ModelCard card();

    /** The longest context the model attends to; a session forgets characters before it. */
    int contextLength();

    /**
     * Natural-log probabilities {@code ln p(ids[t + 1] | ids[0..t])} for {@code t = 0 .. n - 2}, from one forward
     * pass over {@code ids} starting from an empty context (evaluation: bits per character).
     */
    double[] logProbabilities(int[] ids);

    /** A new generation with its own state (recurrent state or key/value cache). */
    Session newSession();

    @Override
    void close();

    /**
     * {@link #logProbabilities} for a model whose block returns per-position logits {@code [1, n, V]} as the head of
     * its output for {@code ids[1, n]} (both implementations): log-softmax over V, then the next id's entry.
     */
    static double[] logProbabilities(Model model, int[] ids) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(Arrays.stream(ids).asLongStream().toArray(), new Shape(1, ids.length));
            NDArray logits = model.getBlock().forward(new ParameterStore(manager, false), new NDList(input), false)
                    .head();
            int v = Math.toIntExact(logits.getShape().get(2));
            float[] logp = logits.logSoftmax(-1).toFloatArray();
            double[] out = new double[ids.length - 1];
            for (int t = 0; t < out.length; t++) {
                out[t] = logp[t * v + ids[t + 1]];
            }
            return out;
        }
    }

    /** One generation's state. Not thread-safe; close it. */
    interface Session extends AutoCloseable {

        /** Feeds {@code ids} (the prompt, or the last sampled character) and returns logits for the next one. */
        float[] feed(int[] ids);

        @Override
        void close();
    }
}
