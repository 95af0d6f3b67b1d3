package dev.aigc.serving.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import dev.aigc.serving.testing.DigitRenderer;
import dev.aigc.serving.testing.PngFiles;
import dev.aigc.serving.web.ApiException;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());

    @Test
    void shouldRefuseADecompressionBombHeaderWith413BeforeAllocating() {
        byte[] bomb = PngFiles.withHeader(50_000, 50_000);
        assertThat(bomb.length).as("a tiny file").isLessThan(200);
        long before = usedHeap();

        assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("50000x50000")
                .extracting(e -> ((ApiException) e).status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        // decoding would need 2.5 GB for the raster; refusing must not allocate anything like it
        assertThat(usedHeap() - before).isLessThan(64L << 20);
    }

    @Test
    void shouldDecodeTheSameHandBuiltPngWhenItsSizeIsAllowed() {
        BufferedImage image = decoder.decode(PngFiles.withHeader(16, 1));

        assertThat(image.getWidth()).isEqualTo(16);
        assertThat(image.getHeight()).isEqualTo(1);
    }

    @Test
    void shouldRefuseTooWideAndTooManyPixels() {
        ImageDecoder strict = new ImageDecoder(new ImageLimits(1 << 20, 200, 200, 10_000));
        byte[] wide = DigitRenderer.encode(DigitRenderer.digit(1).canvas(300, 20).size(18).render(), "png");
        byte[] square = DigitRenderer.encode(DigitRenderer.digit(1).canvas(150, 150).size(100).render(), "png");

        assertThatThrownBy(() -> strict.decode(wide)).isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("300x20");
        assertThatThrownBy(() -> strict.decode(square)).isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("10000 pixels");
    }

    @Test
    void shouldRefuseMoreBytesThanAllowed() throws Exception {
        byte[] png = DigitRenderer.encode(DigitRenderer.digit(7).render(), "png");
        ImageDecoder small = new ImageDecoder(new ImageLimits(png.length - 1, 4096, 4096, 1 << 24));

        assertThatThrownBy(() -> small.decode(png)).isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("bytes");
        assertThatThrownBy(() -> small.decode(new ByteArrayInputStream(png)))
                .isInstanceOf(ImageTooLargeException.class);
        assertThat(new ImageDecoder(new ImageLimits(png.length, 4096, 4096, 1 << 24))
                .decode(new ByteArrayInputStream(png)).getWidth()).isEqualTo(280);
    }

    @Test
    void shouldRejectATruncatedPngAs400() {
        byte[] png = DigitRenderer.encode(DigitRenderer.digit(7).render(), "png");

        assertThatThrownBy(() -> decoder.decode(PngFiles.truncate(png, png.length / 2)))
                .isInstanceOf(InvalidImageException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThatThrownBy(() -> decoder.decode(PngFiles.truncate(png, 20)))
                .isInstanceOf(InvalidImageException.class);
    }

    @Test
    void shouldRejectATruncatedJpegAs400() {
        byte[] jpeg = DigitRenderer.encode(DigitRenderer.digit(7).render(), "jpeg");

        assertThatThrownBy(() -> decoder.decode(PngFiles.truncate(jpeg, jpeg.length / 2)))
                .isInstanceOf(InvalidImageException.class);
    }

    @Test
    void shouldRejectAZeroByZeroPng() {
        assertThatThrownBy(() -> decoder.decode(PngFiles.withHeader(0, 0)))
                .isInstanceOf(InvalidImageException.class);
    }

    @Test
    void shouldRejectEmptyInput() {
        assertThatThrownBy(() -> decoder.decode(new byte[0]))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("empty");
    }

    @Test
    void shouldRejectRandomBytesAndTextAs415() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        assertThatThrownBy(() -> decoder.decode(noise))
                .isInstanceOf(UnsupportedImageException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThatThrownBy(() -> decoder.decode("{\"image\": \"not really\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedImageException.class);
    }

    @Test
    void shouldRefuseFormatsOutsideTheFourSupported() {
        byte[] tiff = DigitRenderer.encode(DigitRenderer.digit(2).render(), "tiff");

        assertThatThrownBy(() -> decoder.decode(tiff)).isInstanceOf(UnsupportedImageException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void shouldDecodeEverySupportedFormat(String format) {
        BufferedImage drawing = DigitRenderer.digit(3).canvas(120, 90).size(70).render();

        BufferedImage decoded = decoder.decode(DigitRenderer.encode(drawing, format));

        assertThat(decoded.getWidth()).isEqualTo(120);
        assertThat(decoded.getHeight()).isEqualTo(90);
        assertThat(MnistPreprocessor.toMnist(decoded)).hasSize(784);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
