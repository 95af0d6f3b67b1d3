package dev.aigc.serving.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG encoding of MNIST-layout images (28 × 28, values in [0, 1], white ink on black): what a model saw or drew. */
public final class MnistPng {

    private MnistPng() {
    }

    /** One 28 × 28 8-bit gray PNG; values outside [0, 1] are clamped. */
    public static byte[] digit(float[] pixels) {
        if (pixels.length != MnistPreprocessor.SIDE * MnistPreprocessor.SIDE) {
            throw new IllegalArgumentException("expected 784 pixels, got " + pixels.length);
        }
        BufferedImage image = new BufferedImage(MnistPreprocessor.SIDE, MnistPreprocessor.SIDE,
                BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, MnistPreprocessor.SIDE, MnistPreprocessor.SIDE, 0, gray(pixels));
        return encode(image);
    }

    /** 0–255 gray levels, row-major. */
    public static int[] gray(float[] pixels) {
        int[] out = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = Math.round(Math.max(0f, Math.min(1f, pixels[i])) * 255f);
        }
        return out;
    }

    /**
     * Encodes through an in-memory stream: {@code ImageIO.write(image, "png", outputStream)} would buffer every
     * image in a temporary file (ImageIO's default disk cache), which made encoding a 28×28 digit about three times
     * slower (0.35 vs 0.11 ms, measured in gan-service) and needs a writable temp directory.
     */
    public static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
