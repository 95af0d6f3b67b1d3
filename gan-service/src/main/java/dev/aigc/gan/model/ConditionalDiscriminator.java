package dev.aigc.gan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A discriminator that also sees the digit: the one-hot label goes through a learned linear map to a 28×28 plane
 * that is stacked onto the image as a second channel before the convolutional body.
 * Inputs: {@code (images (B,1,28,28), one-hot labels (B,10))}; output: one logit per image {@code (B,1)}.
 */
final class ConditionalDiscriminator extends AbstractBlock {

    private final Block labelPlane;
    private final Block body;

    ConditionalDiscriminator(Block body) {
        super((byte) 1);
        this.labelPlane = addChildBlock("labelPlane", Linear.builder().setUnits(28 * 28).build());
        this.body = addChildBlock("body", body);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray images = inputs.get(0);
        NDArray plane = labelPlane.forward(store, new NDList(inputs.get(1)), training, params)
                .singletonOrThrow().reshape(-1, 1, 28, 28);
        return body.forward(store, new NDList(images.concat(plane, 1)), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        labelPlane.initialize(manager, dataType, inputShapes[1]);
        body.initialize(manager, dataType, new Shape(batch, 2, 28, 28));
    }
}
