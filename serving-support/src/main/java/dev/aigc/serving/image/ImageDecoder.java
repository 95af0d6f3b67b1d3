package dev.aigc.serving.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes untrusted PNG, JPEG, GIF and BMP bytes with every limit checked before pixels are allocated.
 *
 * <p>The byte count is checked first, then the format is recognised from the content (never from a file name or
 * a Content-Type), then width and height are read from the header and checked against {@link ImageLimits}; only
 * then is the first frame decoded. A decompression bomb (a small file claiming a huge canvas) is therefore refused
 * with {@link ImageTooLargeException} (413) before it can take memory. Unknown formats give
 * {@link UnsupportedImageException} (415); truncated or corrupt data and empty images give
 * {@link InvalidImageException} (400). Thread-safe.
 */
public final class ImageDecoder {

    /** Formats accepted, as ImageIO names them (lower case). */
    public static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp");

    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ImageLimits limits() {
        return limits;
    }

    /** Reads at most {@code maxBytes + 1} bytes from {@code in} and decodes them. */
    public BufferedImage decode(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        return decode(bytes);
    }

    /** Decodes the first frame of an image after checking the limits. */
    public BufferedImage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidImageException("The image is empty (0 bytes)");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageTooLargeException("The image has more than " + limits.maxBytes() + " bytes");
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(input);
            try {
                reader.setInput(input, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                checkSize(format, header(reader, format));
                return read(reader, format);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new InvalidImageException("The image could not be read: " + e.getMessage(), e);
        }
    }

    private static ImageReader readerFor(ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return reader;
                }
            } catch (IOException ignored) {
                // a reader that cannot even name its format is not one we want
            }
            reader.dispose();
        }
        throw new UnsupportedImageException("Not a PNG, JPEG, GIF or BMP image");
    }

    private static int[] header(ImageReader reader, String format) {
        try {
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException("The " + format.toUpperCase(Locale.ROOT) + " header is corrupt: "
                    + e.getMessage(), e);
        }
    }

    private void checkSize(String format, int[] size) {
        int width = size[0];
        int height = size[1];
        if (width <= 0 || height <= 0) {
            throw new InvalidImageException("The " + format.toUpperCase(Locale.ROOT) + " image is " + width + "x"
                    + height + " pixels; it has no pixels");
        }
        if (width > limits.maxWidth() || height > limits.maxHeight()
                || (long) width * height > limits.maxPixels()) {
            throw new ImageTooLargeException("The image is " + width + "x" + height + " pixels; the limit is "
                    + limits.maxWidth() + "x" + limits.maxHeight() + " and " + limits.maxPixels() + " pixels");
        }
    }

    private static BufferedImage read(ImageReader reader, String format) {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image;
        try {
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Unsupported Image Type")) {
                throw new UnsupportedImageException("This " + format.toUpperCase(Locale.ROOT)
                        + " variant (e.g. CMYK) is not supported");
            }
            throw new InvalidImageException("The " + format.toUpperCase(Locale.ROOT)
                    + " data is truncated or corrupt: " + message, e);
        }
        if (!warnings.isEmpty()) {
            throw new InvalidImageException("The " + format.toUpperCase(Locale.ROOT)
                    + " data is truncated or corrupt: " + warnings.get(0));
        }
        if (image == null) {
            throw new InvalidImageException("The " + format.toUpperCase(Locale.ROOT) + " holds no image");
        }
        return image;
    }
}
