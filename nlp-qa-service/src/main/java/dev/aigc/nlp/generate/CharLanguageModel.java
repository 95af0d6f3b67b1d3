package dev.aigc.nlp.generate;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.aigc.serving.model.ModelCard;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained character LSTM loaded from a version directory ({@code charlm-0000.params}, {@code vocab.txt},
 * {@code model-card.json}). Thread-safe: every {@link Session} owns its NDManager and recurrent state. The service
 * holds its versions in a {@code ModelRegistry}, which closes a version once no generation leases it any more.
 */
public final class CharLanguageModel implements LanguageModel {

    public static final String NAME = "charlm";

    private final Model model;
    private final CharVocab vocab;
    private final ModelCard card;

    private CharLanguageModel(Model model, CharVocab vocab, ModelCard card) {
        this.model = model;
        this.vocab = vocab;
        this.card = card;
    }

    public static CharLanguageModel load(Path dir) throws IOException, MalformedModelException {
        return load(dir, ModelCard.read(dir));
    }

    /** Loads the version in {@code dir} described by {@code card} (the {@code ModelLoader} of the registry). */
    public static CharLanguageModel load(Path dir, ModelCard card) throws IOException, MalformedModelException {
        CharLmConfig config = CharLmConfig.fromMap(card.details());
        CharVocab vocab = CharVocab.readVersion(dir, config.vocabSize());
        Model model = Model.newInstance(NAME, "PyTorch");
        model.setBlock(new CharLstmBlock(config));
        model.load(dir, NAME);
        return new CharLanguageModel(model, vocab, card);
    }

    @Override
    public CharVocab vocab() {
        return vocab;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    /** Recurrent: the state carries the whole history, there is no window. */
    @Override
    public int contextLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public double[] logProbabilities(int[] ids) {
        return LanguageModel.logProbabilities(model, ids);
    }

    @Override
    public Session newSession() {
        return new Session();
    }

    /** One generation: feeds characters and returns the next-character logits. Not thread-safe; close it. */
    public final class Session implements LanguageModel.Session {

        private final NDManager root = model.getNDManager().newSubManager();
        private NDManager current;
        private NDArray h;
        private NDArray c;

        @Override
        public float[] feed(int[] ids) {
            NDManager next = root.newSubManager();
            long[] longs = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                longs[i] = ids[i];
            }
            NDArray input = next.create(longs, new Shape(1, ids.length));
            NDList in = h == null ? new NDList(input) : new NDList(input, h, c);
            NDList out = model.getBlock().forward(new ParameterStore(next, false), in, false);
            NDArray logits = out.get(0);
            h = out.get(1);
            c = out.get(2);
            h.attach(next);
            c.attach(next);
            float[] last = ids.length == 1 ? logits.toFloatArray() : logits.get(0, ids.length - 1).toFloatArray();
            if (current != null) {
                current.close();
            }
            current = next;
            return last;
        }

        @Override
        public void close() {
            root.close();
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
