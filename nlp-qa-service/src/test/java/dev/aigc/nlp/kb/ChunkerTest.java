package dev.aigc.nlp.kb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkerTest {

    @Test
    void shouldSplitChineseAndEnglishSentences() {
        List<String> s = SentenceSplitter.split("## 标题\n第一句。第二句！第三句？“第四句。”第五句；Version 1.5 is out. Next one! \n"
                + "- list item");
        assertThat(s).containsExactly("标题", "第一句。", "第二句！", "第三句？", "“第四句。”", "第五句；",
                "Version 1.5 is out.", "Next one!", "list item");
    }

    @Test
    void shouldChunkOnSentenceBoundariesWithOverlap() {
        String text = "一二三四五六七八九十。".repeat(6);
        List<String> chunks = new Chunker(25, 1).chunk(text);
        assertThat(chunks).hasSize(5);
        for (String c : chunks) {
            assertThat(c).endsWith("。");
            assertThat(Chunker.units(c)).isLessThanOrEqualTo(25);
        }
        assertThat(chunks.get(0).substring(11)).isEqualTo(chunks.get(1).substring(0, 11));
    }

    @Test
    void shouldCountHanCharactersAndEnglishWords() {
        assertThat(Chunker.units("深度学习 uses many layers.")).isEqualTo(7);
    }

    @Test
    void shouldDetectTheLanguage() {
        assertThat(Languages.detect("什么是 GAN？")).isEqualTo("zh");
        assertThat(Languages.detect("What is a GAN?")).isEqualTo("en");
    }
}
