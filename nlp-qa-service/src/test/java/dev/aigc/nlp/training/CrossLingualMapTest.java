package dev.aigc.nlp.training;

import dev.aigc.nlp.embed.BgeEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trained cross-lingual map places a Chinese text next to its English translation in the English bge space. */
class CrossLingualMapTest {

    static BgeEmbedder chinese;
    static BgeEmbedder english;
    static CrossLingualMap map;

    /** Sentences written for this test (none is in the map's training pairs), each with its translation. */
    static final List<String[]> PAIRS = List.of(
            new String[] {"生成器把随机噪声变成一张图片。", "The generator turns random noise into an image."},
            new String[] {"验证集上的损失不再下降时就停止训练。", "Stop training when the loss on the validation set stops falling."},
            new String[] {"把服务打包成容器镜像再部署到集群上。", "Package the service as a container image and deploy it to the cluster."},
            new String[] {"这家餐厅的面条很好吃。", "The noodles at this restaurant are delicious."});

    @BeforeAll
    static void load() {
        chinese = new BgeEmbedder(1, 2, 512);
        english = new BgeEmbedder(BgeEmbedder.Model.EN, 1, 2, 512);
        // the tests run in the module folder; the file's path is given from the repository root
        map = CrossLingualMap.load(Path.of("..").resolve(CrossLingualMap.FILE));
    }

    @AfterAll
    static void close() {
        chinese.close();
        english.close();
    }

    @Test
    void shouldMapTheChineseModelsSpaceOntoTheEnglishModels() {
        assertThat(map.rows()).isEqualTo(BgeEmbedder.Model.ZH.dimension);
        assertThat(map.cols()).isEqualTo(BgeEmbedder.Model.EN.dimension);
        float[] v = map.toEnglish(chinese.embed("梯度下降"));
        assertThat(BgeEmbedder.dot(v, v)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void shouldPlaceEachChineseSentenceNearestToItsOwnTranslation() {
        float[][] en = PAIRS.stream().map(p -> english.embed(p[1])).toArray(float[][]::new);
        for (int i = 0; i < PAIRS.size(); i++) {
            float[] mapped = map.toEnglish(chinese.embed(PAIRS.get(i)[0]));
            for (int j = 0; j < PAIRS.size(); j++) {
                if (j != i) {
                    assertThat(BgeEmbedder.dot(mapped, en[i])).as("%s vs %s", PAIRS.get(i)[0], PAIRS.get(j)[1])
                            .isGreaterThan(BgeEmbedder.dot(mapped, en[j]));
                }
            }
        }
    }

    @Test
    void shouldPutTheChinesePageThatAnswersAnEnglishQuestionFirst() {
        float[] gan = map.toEnglish(chinese.embed("生成对抗网络由两个互相竞争的网络构成：生成器把随机噪声变成图片，判别器判断图片是不是真实样本。"));
        float[] cnn = map.toEnglish(chinese.embed("卷积层用一组小尺寸的卷积核在图片上滑动，捕捉边缘、纹理等局部模式。"));
        float[] q = english.embedQuery("What are the two networks in a generative adversarial network?");

        assertThat(BgeEmbedder.dot(q, gan)).isGreaterThan(BgeEmbedder.dot(q, cnn));
    }

    @Test
    void shouldReadBackWhatItWrites() throws IOException {
        CrossLingualMap small = new CrossLingualMap(2, 3, new float[] {1, 0, 0, 0, 1, 0});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        small.write(out);

        CrossLingualMap back = CrossLingualMap.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(back.rows()).isEqualTo(2);
        assertThat(back.cols()).isEqualTo(3);
        assertThat(back.toEnglish(new float[] {0, 1})).containsExactly(0f, 1f, 0f);
        assertThat(back.toEnglish(new float[] {3, 4})).containsExactly(0.6f, 0.8f, 0f);
    }

    @Test
    void shouldRejectAVectorOfTheWrongSizeAndACorruptFile() {
        CrossLingualMap small = new CrossLingualMap(2, 3, new float[6]);
        assertThatThrownBy(() -> small.toEnglish(new float[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2-dimensional");
        assertThatThrownBy(() -> new CrossLingualMap(2, 3, new float[5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrossLingualMap.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOf(IOException.class);
    }
}
