package dev.aigc.serving.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class MnistPngTest {

    @Test
    void shouldEncodeA28By28GrayPngWithTheGivenLevels() throws IOException {
        float[] pixels = new float[784];
        pixels[0] = 1f;          // white ink
        pixels[29] = 0.5f;       // row 1, column 1
        pixels[783] = 1.7f;      // clamped to white
        pixels[100] = -0.3f;     // clamped to black
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(MnistPng.digit(pixels)));
        assertThat(image.getWidth()).isEqualTo(28);
        assertThat(image.getHeight()).isEqualTo(28);
        assertThat(image.getRaster().getNumBands()).isEqualTo(1);
        assertThat(image.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(image.getRaster().getSample(1, 1, 0)).isEqualTo(128);
        assertThat(image.getRaster().getSample(27, 27, 0)).isEqualTo(255);
        assertThat(image.getRaster().getSample(100 % 28, 100 / 28, 0)).isZero();
        assertThat(image.getRaster().getSample(5, 20, 0)).isZero();
    }

    @Test
    void shouldRefuseAnythingButAnMnistFrame() {
        assertThatThrownBy(() -> MnistPng.digit(new float[783]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("784");
    }
}
