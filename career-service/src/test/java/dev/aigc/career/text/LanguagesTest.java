package dev.aigc.career.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.aigc.serving.web.ApiException;

class LanguagesTest {

    @Test
    void shouldPreferTheParameterOverTheHeader() {
        assertThat(Languages.resolve("en", "zh-CN,zh;q=0.9", Lang.ZH)).isEqualTo(Lang.EN);
        assertThat(Languages.resolve("zh-Hans", null, Lang.EN)).isEqualTo(Lang.ZH);
    }

    @Test
    void shouldTakeTheFirstSupportedRangeOfTheHeader() {
        assertThat(Languages.resolve(null, "fr-FR,fr;q=0.9,en;q=0.8,zh;q=0.7", Lang.ZH)).isEqualTo(Lang.EN);
        assertThat(Languages.resolve(null, "zh-TW", Lang.EN)).isEqualTo(Lang.ZH);
        assertThat(Languages.resolve(null, "*", Lang.EN)).isEqualTo(Lang.EN);
        assertThat(Languages.resolve(null, "en;q=0, zh", Lang.EN)).isEqualTo(Lang.ZH);
        assertThat(Languages.resolve(null, null, Lang.ZH)).isEqualTo(Lang.ZH);
    }

    @Test
    void shouldRejectUnsupportedLanguagesNamingThem() {
        assertThatThrownBy(() -> Languages.resolve("fr", null, Lang.ZH)).isInstanceOf(ApiException.class)
                .hasMessageContaining("'fr'").hasMessageContaining("lang");
        assertThatThrownBy(() -> Languages.resolve(null, "de-DE,fr;q=0.5", Lang.ZH)).isInstanceOf(ApiException.class)
                .hasMessageContaining("de-DE,fr;q=0.5");
        assertThat(Languages.isSupportedHeader("not a ; valid ;; header")).isFalse();
    }
}
