package dev.aigc.nlp.generate;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.aigc.serving.model.ModelCard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A trained decoder-only Transformer loaded from a version directory ({@code charlm-0000.params}, {@code vocab.txt},
 * {@code model-card.json}). Thread-safe: each {@link Session} owns its NDManager and key/value cache.
 *
 * <p>The window a session attends to is at most the context length C. When it is full, the session keeps its last
 * C/2 characters and re-feeds them once (positions are absolute, so the cache cannot simply be shifted); between
 * these refills every new character costs one cached step.
 */
public final class TransformerLanguageModel implements LanguageModel {

    private final Model model;
    private final TransformerLmBlock block;
    private final CharVocab vocab;
    private final ModelCard card;

    private TransformerLanguageModel(Model model, CharVocab vocab, ModelCard card) {
        this.model = model;
        this.block = (TransformerLmBlock) model.getBlock();
        this.vocab = vocab;
        this.card = card;
    }

    public static TransformerLanguageModel load(Path dir, ModelCard card) throws IOException, MalformedModelException {
        TransformerLmConfig config = TransformerLmConfig.fromMap(card.details());
        CharVocab vocab = CharVocab.readVersion(dir, config.vocabSize());
        Model model = Model.newInstance(CharLanguageModel.NAME, "PyTorch");
        model.setBlock(new TransformerLmBlock(config));
        model.load(dir, CharLanguageModel.NAME);
        return new TransformerLanguageModel(model, vocab, card);
    }

    /** Wraps a model being trained (evaluation and tests), without a card. */
    public static TransformerLanguageModel of(Model model, CharVocab vocab) {
        return new TransformerLanguageModel(model, vocab, null);
    }

    @Override
    public CharVocab vocab() {
        return vocab;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public int contextLength() {
        return block.config().contextLength();
    }

    @Override
    public double[] logProbabilities(int[] ids) {
        return LanguageModel.logProbabilities(model, ids);
    }

    @Override
    public Session newSession() {
        return new Session(true);
    }

    /** A session that re-runs its whole window for every character: the reference the cache must match. */
    public Session newUncachedSession() {
        return new Session(false);
    }

    /** One generation's window and key/value cache. */
    public final class Session implements LanguageModel.Session {

        private final boolean cached;
        private final NDManager root = model.getNDManager().newSubManager();
        private NDManager current;
        private NDList cache = new NDList();
        private int[] window = new int[0];

        private Session(boolean cached) {
            this.cached = cached;
        }

        @Override
        public float[] feed(int[] ids) {
            int c = contextLength();
            int[] next = Arrays.copyOf(window, window.length + ids.length);
            System.arraycopy(ids, 0, next, window.length, ids.length);
            int past = window.length;
            if (next.length > c) {
                next = Arrays.copyOfRange(next, next.length - Math.max(ids.length, c / 2), next.length);
                next = next.length > c ? Arrays.copyOfRange(next, next.length - c, next.length) : next;
                past = 0;
            }
            if (!cached) {
                past = 0;
            }
            int[] fresh = Arrays.copyOfRange(next, past, next.length);
            NDManager manager = root.newSubManager();
            long[] longs = Arrays.stream(fresh).asLongStream().toArray();
            NDArray input = manager.create(longs, new Shape(1, fresh.length));
            NDList out = block.forwardCached(new ParameterStore(manager, false), input, past, cache);
            NDArray logits = out.get(0);
            float[] last = logits.get(0, fresh.length - 1).toFloatArray();
            cache = out.subNDList(1);
            cache.attach(manager);
            if (current != null) {
                current.close();
            }
            current = manager;
            window = next;
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
