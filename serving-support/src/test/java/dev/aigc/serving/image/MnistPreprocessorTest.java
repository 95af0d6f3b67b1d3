package dev.aigc.serving.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.aigc.serving.testing.DigitRenderer;
import dev.aigc.serving.testing.MnistFrames;

class MnistPreprocessorTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());

    @ParameterizedTest(name = "digit {0}, {1} px glyph at ({2},{3}) on {4}x{5}")
    @CsvSource({
            "0, 200, 140, 140, 280, 280",
            "1, 120, 60, 70, 280, 280",
            "2, 60, 240, 230, 280, 280",
            "3, 300, 200, 180, 400, 360",
            "4, 24, 20, 20, 40, 40",
            "5, 180, 100, 150, 500, 300",
            "6, 90, 45, 230, 280, 280",
            "7, 250, 150, 140, 300, 300",
            "8, 40, 200, 60, 280, 280",
            "9, 150, 140, 140, 280, 280"})
    void shouldTurnBlackOnWhiteDigitIntoCentredWhiteOnBlackFrame(int digit, int size, int x, int y, int w, int h) {
        BufferedImage drawing = DigitRenderer.digit(digit).canvas(w, h).size(size).centredAt(x, y).render();

        float[] frame = MnistPreprocessor.toMnist(drawing);

        assertThat(frame).hasSize(784);
        for (float value : frame) {
            assertThat(value).isBetween(0f, 1f);
        }
        assertThat(max(frame)).as("the strongest ink is white").isEqualTo(1f);
        assertThat(frame[0] + frame[27] + frame[28 * 27] + frame[783]).as("corners are black").isZero();
        int[] box = MnistFrames.boundingBox(frame, 0f);
        int boxWidth = box[2] - box[0] + 1;
        int boxHeight = box[3] - box[1] + 1;
        assertThat(boxWidth).isLessThanOrEqualTo(20);
        assertThat(boxHeight).isLessThanOrEqualTo(20);
        assertThat(Math.max(boxWidth, boxHeight)).as("the longer side fills the 20 px box").isGreaterThanOrEqualTo(19);
        double[] centre = MnistFrames.centreOfMass(frame);
        assertThat(centre[0]).as("centre of mass x\n" + MnistFrames.ascii(frame)).isCloseTo(14.0, within(0.75));
        assertThat(centre[1]).as("centre of mass y\n" + MnistFrames.ascii(frame)).isCloseTo(14.0, within(0.75));
    }

    @ParameterizedTest
    @CsvSource({"0", "3", "7", "8"})
    void shouldGiveTheSameFrameForAnInvertedCanvas(int digit) {
        float[] blackOnWhite = MnistPreprocessor.toMnist(DigitRenderer.digit(digit).render());
        float[] whiteOnBlack = MnistPreprocessor.toMnist(DigitRenderer.digit(digit).whiteOnBlack().render());

        assertThat(MnistFrames.maxAbsoluteDifference(blackOnWhite, whiteOnBlack)).isLessThan(0.02);
    }

    @Test
    void shouldNotDependOnWhereOrHowLargeTheDigitIsDrawn() {
        float[] centred = MnistPreprocessor.toMnist(DigitRenderer.digit(2).size(200).render());
        float[] offCentre = MnistPreprocessor.toMnist(
                DigitRenderer.digit(2).canvas(600, 400).size(120).centredAt(90, 320).render());

        assertThat(MnistFrames.meanAbsoluteDifference(centred, offCentre)).isLessThan(0.02);
        float[] otherDigit = MnistPreprocessor.toMnist(DigitRenderer.digit(3).size(200).render());
        assertThat(MnistFrames.meanAbsoluteDifference(centred, otherDigit)).as("a different digit differs")
                .isGreaterThan(0.08);
    }

    @Test
    void shouldHandleTransparentCanvasWithBlackStrokes() {
        float[] opaque = MnistPreprocessor.toMnist(DigitRenderer.digit(5).render());
        float[] transparent = MnistPreprocessor.toMnist(DigitRenderer.digit(5).transparent(Color.BLACK).render());
        float[] transparentWhiteInk = MnistPreprocessor.toMnist(
                DigitRenderer.digit(5).transparent(Color.WHITE).render());

        assertThat(MnistFrames.maxAbsoluteDifference(opaque, transparent)).isLessThan(0.02);
        assertThat(MnistFrames.maxAbsoluteDifference(opaque, transparentWhiteInk)).isLessThan(0.02);
    }

    @Test
    void shouldSurviveTransparentPngRoundTrip() {
        byte[] png = DigitRenderer.encode(DigitRenderer.digit(4).transparent(Color.BLACK).render(), "png");

        float[] frame = MnistPreprocessor.toMnist(decoder.decode(png));

        assertThat(MnistFrames.meanAbsoluteDifference(frame,
                MnistPreprocessor.toMnist(DigitRenderer.digit(4).render()))).isLessThan(0.01);
    }

    @Test
    void shouldRemoveGreyPaperAndColouredInk() {
        float[] clean = MnistPreprocessor.toMnist(DigitRenderer.digit(6).render());
        float[] paper = MnistPreprocessor.toMnist(DigitRenderer.digit(6)
                .colours(new Color(20, 40, 120), new Color(205, 200, 190)).render());

        assertThat(MnistFrames.meanAbsoluteDifference(clean, paper)).isLessThan(0.01);
    }

    @Test
    void shouldTolerateJpegArtefacts() {
        BufferedImage drawing = DigitRenderer.digit(9).render();
        float[] lossless = MnistPreprocessor.toMnist(drawing);

        float[] jpeg = MnistPreprocessor.toMnist(decoder.decode(DigitRenderer.encode(drawing, "jpeg")));

        assertThat(MnistFrames.meanAbsoluteDifference(lossless, jpeg)).isLessThan(0.03);
    }

    @Test
    void shouldScaleUpATinyFiveByFiveImage() {
        BufferedImage tiny = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tiny.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 5, 5);
        g.dispose();
        for (int y = 0; y < 5; y++) {
            tiny.setRGB(3, y, 0x000000); // a "1": one black column, off-centre
        }

        float[] frame = MnistPreprocessor.toMnist(tiny);

        int[] box = MnistFrames.boundingBox(frame, 0f);
        assertThat(box[3] - box[1] + 1).as("height fills the box").isEqualTo(20);
        assertThat(box[2] - box[0] + 1).as("a one-pixel column stays thin").isEqualTo(4);
        assertThat(MnistFrames.centreOfMass(frame)[0]).isCloseTo(14.0, within(0.75));
    }

    @Test
    void shouldShrinkAHugeImageLikeASmallOne() {
        float[] small = MnistPreprocessor.toMnist(DigitRenderer.digit(8).render());
        BufferedImage huge = DigitRenderer.digit(8).canvas(2000, 2000).size(1400).centredAt(1100, 900).render();

        float[] frame = MnistPreprocessor.toMnist(huge);

        assertThat(MnistFrames.meanAbsoluteDifference(small, frame)).isLessThan(0.02);
    }

    @Test
    void shouldRejectAnImageWithoutInk() {
        BufferedImage blank = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        BufferedImage transparent = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);

        assertThatThrownBy(() -> MnistPreprocessor.toMnist(blank))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("No ink found");
        assertThatThrownBy(() -> MnistPreprocessor.toMnist(transparent))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("No ink found");
    }

    @Test
    void shouldRenderPixelsAsAGrayscaleImage() {
        float[] pixels = {0f, 0.5f, 1f, 2f, -1f, Float.NaN};

        BufferedImage image = MnistPreprocessor.toImage(pixels, 3, 2);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        int[] samples = image.getRaster().getSamples(0, 0, 3, 2, 0, (int[]) null);
        assertThat(samples).containsExactly(0, 128, 255, 255, 0, 0);
        assertThatThrownBy(() -> MnistPreprocessor.toImage(pixels, 4, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundTripAFrameThroughAnImage() {
        float[] frame = MnistPreprocessor.toMnist(DigitRenderer.digit(3).render());

        float[] again = MnistPreprocessor.toMnist(MnistPreprocessor.toImage(frame, 28, 28));

        assertThat(MnistFrames.meanAbsoluteDifference(frame, again)).isLessThan(0.02);
    }

    private static float max(float[] values) {
        float max = 0;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
