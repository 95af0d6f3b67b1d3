package dev.aigc.nlp.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoder-only Transformer language model: character embedding plus a learned position embedding, a stack of
 * {@link DecoderLayer}s, a final layer norm and logits from the transposed character embedding (tied weights).
 *
 * <p>{@link #forwardInternal} takes {@code ids[B, T]} (T ≤ context length) and returns {@code logits[B, T, V]} under a
 * causal mask. {@link #forwardCached} feeds new characters after {@code past} cached ones and returns their logits and
 * the extended key/value cache, so generating one more character costs one position, not the whole context.
 */
public final class TransformerLmBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TransformerLmConfig config;
    private final Parameter tokens;
    private final Parameter positions;
    private final List<DecoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    public TransformerLmBlock(TransformerLmConfig config) {
        super(VERSION);
        this.config = config;
        tokens = addParameter(Parameter.builder().setName("tokens").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabSize(), config.embeddingSize()))
                .optInitializer(new NormalInitializer(0.02f)).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.contextLength(), config.embeddingSize()))
                .optInitializer(new NormalInitializer(0.01f)).build());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new DecoderLayer(config)));
        }
        finalNorm = addChildBlock("final_norm", LayerNorm.builder().axis(2).build());
    }

    public TransformerLmConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.head();
        int t = Math.toIntExact(ids.getShape().get(1));
        NDArray x = embed(store, ids, 0, training);
        NDArray mask = DecoderLayer.causalMask(ids.getManager(), t, 0);
        for (DecoderLayer layer : layers) {
            x = layer.attend(store, x, null, null, mask, training).get(0);
        }
        return new NDList(logits(store, x, training));
    }

    /**
     * Feeds {@code ids[1, n]} at positions {@code past .. past + n - 1}. {@code cache} holds keys and values per layer
     * ({@code k0, v0, k1, v1, …}) for the {@code past} earlier positions, or is empty when {@code past} is 0.
     * Returns {@code (logits[1, n, V], k0, v0, k1, v1, …)} with the cache extended by the n new positions.
     */
    public NDList forwardCached(ParameterStore store, NDArray ids, int past, NDList cache) {
        int n = Math.toIntExact(ids.getShape().get(1));
        if (past + n > config.contextLength()) {
            throw new IllegalArgumentException("positions up to " + (past + n) + " exceed the context length "
                    + config.contextLength());
        }
        NDArray x = embed(store, ids, past, false);
        NDArray mask = DecoderLayer.causalMask(ids.getManager(), n, past);
        NDList out = new NDList();
        for (int i = 0; i < layers.size(); i++) {
            NDList r = layers.get(i).attend(store, x, past == 0 ? null : cache.get(2 * i),
                    past == 0 ? null : cache.get(2 * i + 1), mask, false);
            x = r.get(0);
            out.add(r.get(1));
            out.add(r.get(2));
        }
        NDList result = new NDList(logits(store, x, false));
        result.addAll(out);
        return result;
    }

    private NDArray embed(ParameterStore store, NDArray ids, int past, boolean training) {
        NDArray table = store.getValue(tokens, ids.getDevice(), training);
        NDArray x = Embedding.embedding(ids.toType(DataType.INT64, false), table, SparseFormat.DENSE).head();
        x.attach(ids.getManager());
        long t = ids.getShape().get(1);
        NDArray pos = store.getValue(positions, ids.getDevice(), training).get(past + ":" + (past + t));
        pos.attach(ids.getManager());
        return x.add(pos);
    }

    private NDArray logits(ParameterStore store, NDArray x, boolean training) {
        NDArray normed = finalNorm.forward(store, new NDList(x), training).head();
        NDArray transposed = store.getValue(tokens, x.getDevice(), training).transpose();
        transposed.attach(x.getManager());
        return normed.matMul(transposed);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), config.vocabSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        Shape x = new Shape(ids.get(0), ids.get(1), config.embeddingSize());
        for (DecoderLayer layer : layers) {
            layer.initialize(manager, dataType, x, new Shape(ids.get(1), ids.get(1)));
        }
        finalNorm.initialize(manager, dataType, x);
    }
}
