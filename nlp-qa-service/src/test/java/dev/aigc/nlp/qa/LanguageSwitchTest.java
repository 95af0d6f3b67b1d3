package dev.aigc.nlp.qa;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The learned half of the language decision, without the knowledge base. */
class LanguageSwitchTest {

    private static final LanguageSwitch.Signals CROSS_BETTER =
            new LanguageSwitch.Signals(2, 9, 0.60, 0.80, 0.3, 0.9, 0.50, 0.55, 3, 5);
    private static final LanguageSwitch.Signals SAME_BETTER =
            new LanguageSwitch.Signals(9, 2, 0.80, 0.60, 0.9, 0.3, 0.70, 0.45, 5, 3);

    @Test
    void shouldLoadTheShippedModelWithOneSidePerQuestionLanguage() {
        LanguageSwitch shipped = LanguageSwitch.load();

        for (boolean chinese : new boolean[] {false, true}) {
            LanguageSwitch.Side side = shipped.side(chinese);
            assertThat(side.weights()).hasSize(LanguageSwitch.FEATURES.size());
            assertThat(side.threshold()).isBetween(0.5, 0.95);
            assertThat(side.probability(CROSS_BETTER)).as("chinese=%s", chinese)
                    .isGreaterThan(side.probability(SAME_BETTER));
        }
    }

    @Test
    void shouldSwitchOnlyAtOrAboveTheQuestionLanguagesThreshold() {
        double[] onView = new double[LanguageSwitch.FEATURES.size()];
        onView[LanguageSwitch.FEATURES.indexOf("view_diff")] = 1;
        LanguageSwitch s = new LanguageSwitch(new LanguageSwitch.Side(0, onView, 0.5),
                new LanguageSwitch.Side(0, onView, 0.999));
        double viewDiff = CROSS_BETTER.vector()[0];
        assertThat(viewDiff).isEqualTo(Math.log1p(9) - Math.log1p(2));

        assertThat(s.prefersCross(false, CROSS_BETTER)).isTrue();
        assertThat(s.prefersCross(false, SAME_BETTER)).isFalse();
        assertThat(s.prefersCross(true, CROSS_BETTER)).as("the Chinese side has its own threshold").isFalse();
        assertThat(s.side(false).probability(CROSS_BETTER)).isEqualTo(1 / (1 + Math.exp(-viewDiff)));
    }

    @Test
    void shouldRejectAModelWithTheWrongNumberOfWeights() {
        assertThatThrownBy(() -> new LanguageSwitch.Side(0, new double[3], 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 12 weights");
    }
}
