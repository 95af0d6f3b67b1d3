package dev.aigc.nlp.qa;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BilingualTest {

    static Bilingual bilingual;

    @BeforeAll
    static void load() {
        bilingual = Bilingual.load();
    }

    @Test
    void shouldLoadTheGlossaryAndTheFilteredCedict() {
        int[] size = bilingual.size();
        assertThat(size[0]).as("glossary entries").isGreaterThan(150);
        assertThat(size[1]).as("all entries").isGreaterThan(80_000);
    }

    @Test
    void shouldTranslateAnEnglishPhraseLongestFirst() {
        List<Bilingual.Unit> units = bilingual.translate(
                "What are the two networks in a generative adversarial network?", w -> true);

        assertThat(units).extracting(Bilingual.Unit::source).contains("generative adversarial network");
        Bilingual.Unit gan = units.stream().filter(u -> u.source().equals("generative adversarial network"))
                .findFirst().orElseThrow();
        assertThat(gan.translations()).first().isEqualTo("生成对抗网络");
        assertThat(units.stream().filter(u -> u.source().equals("networks")).findFirst().orElseThrow().translations())
                .as("a plural is looked up without its s").contains("网络");
    }

    @Test
    void shouldKeepOnlyChineseWordsTheCallerKnows() {
        Set<String> known = Set.of("图像");
        List<Bilingual.Unit> units = bilingual.translate("How many training images does MNIST have?", known::contains);

        assertThat(units).extracting(Bilingual.Unit::source).containsExactly("images");
        assertThat(units.get(0).translations()).containsExactly("图像");
    }

    @Test
    void shouldCutAChineseQuestionIntoDictionaryWordsAndDropQuestionWords() {
        List<Bilingual.Unit> units = bilingual.translate("LSTM 有哪些门？", w -> true);

        assertThat(units).extracting(Bilingual.Unit::source).containsExactly("门");
        assertThat(units.get(0).translations()).contains("gate");
        List<Bilingual.Unit> stop = bilingual.translate("什么是早停？", w -> true);
        assertThat(stop).extracting(Bilingual.Unit::source).containsExactly("早停");
        assertThat(stop.get(0).translations()).containsExactly("early stopping");
    }

    @Test
    void shouldTellWhichQuestionTermBelongsToAUnit() {
        Bilingual.Unit unit = new Bilingual.Unit("early stopping", List.of("early", "stopping"), List.of("早停"));
        assertThat(unit.contains("stop", "stopping")).isTrue();
        assertThat(unit.contains("train", "training")).isFalse();
        Bilingual.Unit zh = new Bilingual.Unit("交叉熵", List.of("交叉熵"), List.of("cross entropy"));
        assertThat(zh.contains("交叉", "交叉")).isTrue();
    }

    @Test
    void shouldGlossChineseTextWordByWordAndKeepLatinWords() {
        String gloss = bilingual.gloss("生成对抗网络由生成器和判别器组成，常用 GAN 表示。");

        assertThat(gloss).contains("generative adversarial network", "generator", "discriminator", "GAN");
        assertThat(gloss).as("no Han character is left").doesNotContainPattern("\\p{IsHan}");
        assertThat(bilingual.gloss("Plain English stays as it is.")).isEqualTo("Plain English stays as it is.");
    }
}
