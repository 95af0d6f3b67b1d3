package dev.aigc.gan.generate;

import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.image.MnistPng;
import dev.aigc.serving.training.Charts;

/** PNG encoding of generated digits (white ink on black, like MNIST), through serving-support's {@link MnistPng}. */
final class Pngs {

    private Pngs() {
    }

    /** One 28×28 digit. */
    static byte[] digit(float[] pixels) {
        return MnistPng.digit(pixels);
    }

    /** Several digits tiled {@code columns} per row, each scaled by {@code scale}, with a 2-pixel gap. */
    static byte[] grid(float[][] images, int columns, int scale) {
        return MnistPng.encode(Charts.grid(images, MnistData.SIDE, columns, scale));
    }

    /** 0–255 gray levels, row-major. */
    static int[] gray(float[] pixels) {
        return MnistPng.gray(pixels);
    }
}
