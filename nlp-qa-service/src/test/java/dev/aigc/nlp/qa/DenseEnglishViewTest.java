package dev.aigc.nlp.qa;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.Chunk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dense English view: one English model scores Chinese (glossed) and English pages on one scale. */
class DenseEnglishViewTest {

    static BgeEmbedder english;
    static DenseEnglishView view;

    static final Chunk GAN = new Chunk("zh-gan", 0, "生成对抗网络 GAN", "zh",
            "生成对抗网络由两个互相竞争的网络构成。生成器接收一段随机噪声，把它变换成一张图片；判别器接收一张图片，输出它是真实样本的概率。",
            null);
    static final Chunk CNN = new Chunk("zh-cnn", 0, "卷积神经网络与图像识别", "zh",
            "卷积层用一组小尺寸的卷积核在图片上滑动，捕捉边缘、纹理等局部模式；池化层对特征图做下采样。", null);
    static final Chunk LSTM = new Chunk("en-rnn-lstm", 0, "RNNs and LSTMs", "en",
            "An LSTM adds a memory cell guarded by input, forget and output gates, so gradients survive long sequences.",
            null);

    @BeforeAll
    static void load() {
        english = new BgeEmbedder(BgeEmbedder.Model.EN, 1, 2, 512);
        view = new DenseEnglishView(english, Bilingual.load(), 16);
    }

    @AfterAll
    static void close() {
        english.close();
    }

    @Test
    void shouldScoreTheGlossedChinesePageThatAnswersAnEnglishQuestionFirst() {
        float[] q = view.question("What are the two networks in a generative adversarial network?");

        assertThat(q).hasSize(BgeEmbedder.Model.EN.dimension);
        assertThat(view.best(q, List.of(GAN))).isGreaterThan(view.best(q, List.of(CNN)));
        assertThat(view.best(q, List.of(CNN, GAN))).isEqualTo(view.best(q, List.of(GAN)));
    }

    @Test
    void shouldGlossAChineseQuestionOntoTheSameScaleAsAnEnglishPage() {
        float[] q = view.question("LSTM 有哪些门？");

        assertThat(view.best(q, List.of(LSTM))).isGreaterThan(view.best(q, List.of(CNN)));
    }

    @Test
    void shouldCacheChunkEmbeddingsAndForgetTheEldest() {
        DenseEnglishView small = new DenseEnglishView(english, Bilingual.load(), 2);
        float[] first = small.chunk(GAN);

        assertThat(small.chunk(GAN)).as("cached").isSameAs(first);
        small.chunk(CNN);
        small.chunk(LSTM);
        assertThat(small.cached()).isEqualTo(2);
        assertThat(small.chunk(GAN)).as("evicted, recomputed identically").isNotSameAs(first).isEqualTo(first);
        Chunk edited = new Chunk("zh-gan", 0, GAN.title(), "zh", "判别器输出真实样本的概率。", null);
        assertThat(small.chunk(edited)).as("new text, new key").isNotEqualTo(first);
    }

    @Test
    void shouldRefuseTheChineseModel() {
        try (BgeEmbedder zh = new BgeEmbedder(1, 1, 64)) {
            assertThatThrownBy(() -> new DenseEnglishView(zh, Bilingual.load(), 4))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
