package dev.aigc.nlp.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-norm Transformer decoder layer: {@code x + attention(norm(x))}, then {@code x + mlp(norm(x))}, with causal
 * multi-head self-attention. DJL 0.25's {@code TransformerEncoderBlock} uses batch norm and ignores masks, so the
 * decoder is written here from DJL's Linear and LayerNorm blocks.
 *
 * <p>{@link #attend} serves training (no past) and cached generation (keys and values of earlier positions passed
 * in, the new ones returned), so both run exactly the same arithmetic.
 */
final class DecoderLayer extends AbstractBlock {

    private final int embeddingSize;
    private final int heads;
    private final LayerNorm attentionNorm;
    private final Linear qkv;
    private final Linear projection;
    private final LayerNorm mlpNorm;
    private final Linear expand;
    private final Linear contract;

    DecoderLayer(TransformerLmConfig config) {
        this.embeddingSize = config.embeddingSize();
        this.heads = config.heads();
        attentionNorm = addChildBlock("attention_norm", LayerNorm.builder().axis(2).build());
        qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * embeddingSize).build());
        projection = addChildBlock("projection", Linear.builder().setUnits(embeddingSize).build());
        mlpNorm = addChildBlock("mlp_norm", LayerNorm.builder().axis(2).build());
        expand = addChildBlock("expand", Linear.builder().setUnits(config.mlpSize()).build());
        contract = addChildBlock("contract", Linear.builder().setUnits(embeddingSize).build());
    }

    /** Inputs {@code (x[B, T, d], mask[T, T])}, output {@code x[B, T, d]}. */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(attend(store, inputs.get(0), null, null, inputs.get(1), training).get(0));
    }

    /**
     * Runs the layer on {@code x[B, T, d]} given the keys and values of earlier positions ({@code null} when none),
     * with {@code mask[T, P + T]} additive (0 allowed, a large negative value hidden). Returns {@code (x, keys,
     * values)}, keys and values {@code [B, heads, P + T, headSize]} covering earlier and new positions.
     */
    NDList attend(ParameterStore store, NDArray x, NDArray pastKeys, NDArray pastValues, NDArray mask,
                  boolean training) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long headSize = embeddingSize / heads;
        NDArray normed = attentionNorm.forward(store, new NDList(x), training).head();
        NDArray packed = qkv.forward(store, new NDList(normed), training).head()
                .reshape(b, t, 3, heads, headSize).transpose(2, 0, 3, 1, 4);
        NDArray q = packed.get(0);
        NDArray k = packed.get(1);
        NDArray v = packed.get(2);
        if (pastKeys != null) {
            k = NDArrays.concat(new NDList(pastKeys, k), 2);
            v = NDArrays.concat(new NDList(pastValues, v), 2);
        }
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(headSize)).add(mask);
        NDArray attended = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, embeddingSize);
        NDArray h = x.add(projection.forward(store, new NDList(attended), training).head());
        NDArray m = mlpNorm.forward(store, new NDList(h), training).head();
        m = Activation.gelu(expand.forward(store, new NDList(m), training).head());
        NDArray out = h.add(contract.forward(store, new NDList(m), training).head());
        return new NDList(out, k, v);
    }

    /** Additive causal mask {@code [t, past + t]}: query i (position past + i) sees keys 0..past + i. */
    static NDArray causalMask(NDManager manager, int t, int past) {
        int s = past + t;
        float[] mask = new float[t * s];
        for (int i = 0; i < t; i++) {
            for (int j = past + i + 1; j < s; j++) {
                mask[i * s + j] = -1e9f;
            }
        }
        return manager.create(mask, new Shape(t, s));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape wide = new Shape(x.get(0), x.get(1), expand.getOutputShapes(new Shape[] {x})[0].get(2));
        attentionNorm.initialize(manager, dataType, x);
        qkv.initialize(manager, dataType, x);
        projection.initialize(manager, dataType, x);
        mlpNorm.initialize(manager, dataType, x);
        expand.initialize(manager, dataType, x);
        contract.initialize(manager, dataType, wide);
    }
}
