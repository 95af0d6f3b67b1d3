package dev.aigc.serving.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hand-built PNG files for decoder tests: a well-formed file whose IHDR claims any size (a decompression bomb
 * header: 50000 × 50000 in a few dozen bytes, every chunk with a correct CRC), and truncation.
 */
public final class PngFiles {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngFiles() {
    }

    /**
     * A PNG (8-bit grayscale) whose header says {@code width × height}. The IDAT holds only a few compressed
     * rows, so a decoder that trusts the header before checking it would try to allocate the whole canvas.
     */
    public static byte[] withHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height);
        ihdr.put((byte) 8);  // bit depth
        ihdr.put((byte) 0);  // colour type: grayscale
        ihdr.put((byte) 0);  // compression
        ihdr.put((byte) 0);  // filter
        ihdr.put((byte) 0);  // interlace
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", deflate(new byte[Math.min(4096, width + 1)]));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The first {@code length} bytes of {@code bytes}. */
    public static byte[] truncate(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, Math.min(length, bytes.length));
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }
}
