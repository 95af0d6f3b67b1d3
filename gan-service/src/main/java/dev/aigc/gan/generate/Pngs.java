package dev.aigc.gan.generate;

import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.training.Charts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG encoding of generated digits (white ink on black, like MNIST). */
final class Pngs {

    private Pngs() {
    }

    /** One 28×28 digit. */
    static byte[] digit(float[] pixels) {
        BufferedImage image = new BufferedImage(MnistData.SIDE, MnistData.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        int[] gray = gray(pixels);
        image.getRaster().setSamples(0, 0, MnistData.SIDE, MnistData.SIDE, 0, gray);
        return encode(image);
    }

    /** Several digits tiled {@code columns} per row, each scaled by {@code scale}, with a 2-pixel gap. */
    static byte[] grid(float[][] images, int columns, int scale) {
        return encode(Charts.grid(images, MnistData.SIDE, columns, scale));
    }

    /** 0–255 gray levels, row-major. */
    static int[] gray(float[] pixels) {
        int[] out = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = Math.round(Math.max(0f, Math.min(1f, pixels[i])) * 255f);
        }
        return out;
    }

    /**
     * Encodes through an in-memory stream: {@code ImageIO.write(image, "png", outputStream)} would buffer every
     * image in a temporary file (ImageIO's default disk cache), which made encoding a 28×28 digit about three times
     * slower (0.35 vs 0.11 ms, measured) and needs a writable temp directory.
     */
    private static byte[] encode(BufferedImage image) {
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
