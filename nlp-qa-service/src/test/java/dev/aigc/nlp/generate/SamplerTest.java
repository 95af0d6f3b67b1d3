package dev.aigc.nlp.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplerTest {

    private static final float[] LOGITS = {9f, 1f, 3f, 2.9f, 0.5f, -1f};

    @Test
    void shouldReproduceTheSameSequenceForTheSameSeed() {
        Sampler a = new Sampler(1.0, 0, 1.0, 5);
        Sampler b = new Sampler(1.0, 0, 1.0, 5);
        for (int i = 0; i < 50; i++) {
            assertThat(a.next(LOGITS)).isEqualTo(b.next(LOGITS));
        }
    }

    @Test
    void shouldNeverPickTheUnknownIdOrAnythingOutsideTopK() {
        Sampler s = new Sampler(5.0, 2, 1.0, 1);
        for (int i = 0; i < 200; i++) {
            assertThat(s.next(LOGITS)).isIn(2, 3);
        }
    }

    @Test
    void shouldKeepOnlyTheNucleusWhenTopPIsSmall() {
        float[] logits = {0f, 0f, 5f, 1f, 1f};
        Sampler s = new Sampler(1.0, 0, 0.5, 3);
        for (int i = 0; i < 100; i++) {
            assertThat(s.next(logits)).isEqualTo(2);
        }
    }

    @Test
    void shouldMakeRecentCharactersLessLikelyWithARepetitionPenalty() {
        Sampler plain = new Sampler(1.0, 1, 1.0, 1.0, 3);
        Sampler penalised = new Sampler(1.0, 1, 1.0, 1.5, 3);
        plain.observe(2);
        penalised.observe(2);
        assertThat(plain.next(new float[] {0f, 1f, 3f, 2.5f})).isEqualTo(2);
        assertThat(penalised.next(new float[] {0f, 1f, 3f, 2.5f})).isEqualTo(3);
        // a negative logit is pushed further down (multiplied), not up: without the penalty 2 would win here
        Sampler again = new Sampler(1.0, 1, 1.0, 1.5, 3);
        again.observe(3, 2);
        assertThat(again.next(new float[] {0f, -0.7f, -0.5f, -0.6f})).isEqualTo(1);
    }
}
