package dev.aigc.nlp.generate;

import ai.djl.MalformedModelException;
import dev.aigc.serving.model.ModelCard;

import ai.djl.ndarray.NDArray;

import java.io.IOException;
import java.nio.file.Path;

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

    /** Picks {@code ln p(ids[t + 1])} from per-position logits {@code [1, n, V]} (log-softmax over V). */
    static double[] pick(NDArray logits, int[] ids) {
        int v = Math.toIntExact(logits.getShape().get(2));
        float[] logp = logits.logSoftmax(-1).toFloatArray();
        double[] out = new double[ids.length - 1];
        for (int t = 0; t < out.length; t++) {
            out[t] = logp[t * v + ids[t + 1]];
        }
        return out;
    }

    /** One generation's state. Not thread-safe; close it. */
    interface Session extends AutoCloseable {

        /** Feeds {@code ids} (the prompt, or the last sampled character) and returns logits for the next one. */
        float[] feed(int[] ids);

        @Override
        void close();
    }
}
