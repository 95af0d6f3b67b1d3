package dev.aigc.gan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatentCodesTest {

    @Test
    void shouldDrawTheSameCodesForTheSameSeed() {
        LatentCodes a = LatentCodes.sample(GanArchitecture.CDCGAN, 16, null, 42);
        LatentCodes b = LatentCodes.sample(GanArchitecture.CDCGAN, 16, null, 42);
        LatentCodes c = LatentCodes.sample(GanArchitecture.CDCGAN, 16, null, 43);

        assertThat(a.rows()).containsExactly(b.rows());
        assertThat(a.digits()).containsExactly(b.digits());
        assertThat(Arrays.equals(a.rows(), c.rows())).isFalse();
    }

    @Test
    void shouldPutTheRequestedDigitAsOneHotAfterTheNoise() {
        LatentCodes codes = LatentCodes.sample(GanArchitecture.CDCGAN, 3, 7, 1);

        assertThat(codes.inputSize()).isEqualTo(110);
        assertThat(codes.digits()).containsExactly(7, 7, 7);
        for (int i = 0; i < 3; i++) {
            float[] label = Arrays.copyOfRange(codes.rows(), i * 110 + 100, (i + 1) * 110);
            assertThat(label).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
        }
    }

    @Test
    void shouldDrawRandomDigitsCoveringAllClassesWhenNoneIsGiven() {
        LatentCodes codes = LatentCodes.sample(GanArchitecture.CDCGAN, 200, null, 5);

        assertThat(Arrays.stream(codes.digits()).distinct().count()).isEqualTo(10);
    }

    @Test
    void shouldStartAndEndInterpolationsAtTheTwoSampledEndpoints() {
        LatentCodes path = LatentCodes.interpolate(GanArchitecture.CDCGAN, 1, 7, 8, 9, 5);
        float[] first = LatentCodes.sample(GanArchitecture.CDCGAN, 1, 1, 7).rows();
        float[] last = LatentCodes.sample(GanArchitecture.CDCGAN, 1, 8, 9).rows();

        assertThat(Arrays.copyOfRange(path.rows(), 0, 110)).containsExactly(first, org.assertj.core.data.Offset
                .offset(1e-5f));
        assertThat(Arrays.copyOfRange(path.rows(), 4 * 110, 5 * 110)).containsExactly(last,
                org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(path.digits()).containsExactly(1, 1, 8, 8, 8);
    }

    @Test
    void shouldScaleOnlyTheNoiseWhenTruncating() {
        LatentCodes codes = LatentCodes.sample(GanArchitecture.CDCGAN, 2, 4, 3);
        LatentCodes truncated = codes.truncated(0.5);

        for (int i = 0; i < 2 * 110; i++) {
            float expected = i % 110 < 100 ? codes.rows()[i] * 0.5f : codes.rows()[i];
            assertThat(truncated.rows()[i]).isEqualTo(expected);
        }
        assertThat(codes.truncated(1.0)).isSameAs(codes);
    }

    @Test
    void shouldCountTheGeneratorArithmetic() {
        // 110·6272 + 7·7·64·128·9 + 14·14·32·64·9 + 28·28·32·9 multiply-accumulates
        assertThat(GanArchitecture.CDCGAN.generatorMacs()).isEqualTo(689_920L + 3_612_672L + 3_612_672L + 225_792L);
        assertThat(GanArchitecture.CDCGAN.generatorFlops()).isEqualTo(2 * 8_141_056L);
    }
}
