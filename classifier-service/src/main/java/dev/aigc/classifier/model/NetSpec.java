package dev.aigc.classifier.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of one MNIST CNN: two stages of two 3×3 convolutions (each followed by batch norm and ReLU) with
 * 2×2 max pooling after each stage, then a hidden dense layer with dropout and the 10-way output (logits).
 *
 * @param width   filters of the first stage; the second stage has twice as many
 * @param hidden  units of the hidden dense layer
 * @param dropout dropout rate before the output layer
 */
public record NetSpec(int width, int hidden, float dropout) {

    public static final Shape INPUT = new Shape(1, 1, 28, 28);

    public NetSpec {
        if (width < 1 || hidden < 1 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("bad network spec " + width + "/" + hidden + "/" + dropout);
        }
    }

    public SequentialBlock build() {
        SequentialBlock net = new SequentialBlock();
        convUnit(net, width);
        convUnit(net, width);
        net.add(Pool.maxPool2dBlock(new Shape(2, 2)));
        convUnit(net, 2 * width);
        convUnit(net, 2 * width);
        net.add(Pool.maxPool2dBlock(new Shape(2, 2)));
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(hidden).optBias(false).build());
        net.add(BatchNorm.builder().build());
        net.add(Activation.reluBlock());
        net.add(Dropout.builder().optRate(dropout).build());
        net.add(Linear.builder().setUnits(10).build());
        return net;
    }

    private static void convUnit(SequentialBlock net, int filters) {
        net.add(Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .optBias(false)
                .build());
        net.add(BatchNorm.builder().build());
        net.add(Activation.reluBlock());
    }

    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("width", width);
        map.put("hidden", hidden);
        map.put("dropout", dropout);
        map.put("layers", "2x[conv3x3(" + width + ")-BN-ReLU] maxpool 2x[conv3x3(" + 2 * width
                + ")-BN-ReLU] maxpool dense(" + hidden + ")-BN-ReLU-dropout(" + dropout + ") dense(10)");
        return map;
    }

    public static NetSpec fromMap(Map<?, ?> map) {
        return new NetSpec(((Number) map.get("width")).intValue(), ((Number) map.get("hidden")).intValue(),
                ((Number) map.get("dropout")).floatValue());
    }
}
