package dev.aigc.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import dev.aigc.classifier.DigitDrawings;
import dev.aigc.classifier.ShippedModels;
import dev.aigc.serving.image.ImageDecoder;
import dev.aigc.serving.image.ImageLimits;
import dev.aigc.serving.image.MnistPreprocessor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Digits as a user would draw them on a web canvas: black on white, of any size and place, thin or bold, sent as
 * PNG. They go through the same decoding and MNIST-style preprocessing as requests do, then the shipped ensemble.
 */
class DrawnDigitsTest {

    @Test
    void shouldRecogniseDejaVuDigitsDrawnBlackOnWhite() throws Exception {
        Assumptions.assumeTrue(DigitDrawings.fontsPresent(), "DejaVu fonts are not installed");
        List<DigitDrawings.Drawing> drawings = DigitDrawings.fixtures();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        float[][] inputs = new float[drawings.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = MnistPreprocessor.toMnist(decoder.decode(drawings.get(i).png()));
        }
        List<String> wrong = new ArrayList<>();
        try (Model model = ShippedModels.load(ShippedModels.ENSEMBLE)) {
            float[][] probabilities = MnistNet.run(model, inputs, 100, false);
            for (int i = 0; i < inputs.length; i++) {
                int predicted = MnistNet.argMax(probabilities[i]);
                if (predicted != drawings.get(i).digit()) {
                    wrong.add(drawings.get(i) + " -> " + predicted);
                }
            }
        }
        // Known miss with the shipped weights: DejaVu Sans Bold's "1" (which has a foot bar, unlike handwritten 1s)
        // at a 12 px stroke reads as 2. At most one miss is tolerated; the list says which.
        assertThat(wrong).as("misread drawings out of %d", drawings.size()).hasSizeLessThanOrEqualTo(1);
    }
}
