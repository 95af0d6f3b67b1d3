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
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A character-level causal language model: embedding → LSTM → linear projection to the vocabulary.
 *
 * <p>Input: {@code (ids[B, T])} or {@code (ids[B, T], h, c)} with the recurrent state carried over from a previous
 * call. Output: {@code (logits[B, T, V], h, c)}. Being recurrent, it is causal by construction: position t only sees
 * positions ≤ t. Passing the state explicitly keeps the block itself stateless, so concurrent generations can share it.
 */
public final class CharLstmBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int vocabSize;
    private final int embeddingSize;
    private final Parameter embedding;
    private final LSTM lstm;
    private final Linear output;

    public CharLstmBlock(CharLmConfig config) {
        super(VERSION);
        this.vocabSize = config.vocabSize();
        this.embeddingSize = config.embeddingSize();
        embedding = addParameter(Parameter.builder()
                .setName("embedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabSize, embeddingSize))
                .optInitializer(new NormalInitializer(0.1f))
                .build());
        lstm = addChildBlock("lstm", LSTM.builder()
                .setStateSize(config.hiddenSize())
                .setNumLayers(config.layers())
                .optDropRate(config.dropout())
                .optBatchFirst(true)
                .optReturnState(true)
                .build());
        output = addChildBlock("output", Linear.builder().setUnits(vocabSize).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray weight = store.getValue(embedding, ids.getDevice(), training);
        NDArray embedded = Embedding.embedding(ids.toType(DataType.INT64, false), weight, SparseFormat.DENSE).head();
        NDList lstmIn = inputs.size() == 3
                ? new NDList(embedded, inputs.get(1), inputs.get(2))
                : new NDList(embedded);
        NDList lstmOut = lstm.forward(store, lstmIn, training);
        NDArray logits = output.forward(store, new NDList(lstmOut.get(0)), training).head();
        return new NDList(logits, lstmOut.get(1), lstmOut.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        Shape[] lstmShapes = lstm.getOutputShapes(new Shape[] {new Shape(ids.get(0), ids.get(1), embeddingSize)});
        return new Shape[] {new Shape(ids.get(0), ids.get(1), vocabSize), lstmShapes[1], lstmShapes[2]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        Shape embedded = new Shape(ids.get(0), ids.get(1), embeddingSize);
        lstm.initialize(manager, dataType, embedded);
        Shape[] lstmShapes = lstm.getOutputShapes(new Shape[] {embedded});
        output.initialize(manager, dataType, lstmShapes[0]);
    }
}
