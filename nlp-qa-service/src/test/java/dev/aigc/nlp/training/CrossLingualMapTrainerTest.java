package dev.aigc.nlp.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces of the cross-lingual map's training: the pairs it reads and the ridge regression. */
class CrossLingualMapTrainerTest {

    @Test
    void shouldRecoverAKnownLinearMapByRidgeRegression() {
        Random random = new Random(3);
        int n = 400;
        int p = 6;
        int q = 4;
        float[] truth = new float[p * q];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = (float) random.nextGaussian();
        }
        float[][] x = new float[n][p];
        float[][] y = new float[n][q];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < p; r++) {
                x[i][r] = (float) random.nextGaussian();
            }
            for (int c = 0; c < q; c++) {
                for (int r = 0; r < p; r++) {
                    y[i][c] += x[i][r] * truth[r * q + c];
                }
            }
        }
        List<Integer> rows = IntStream.range(0, n).boxed().toList();

        CrossLingualMap fitted = CrossLingualMapTrainer.ridge(CrossLingualMapTrainer.gram(x, x, rows),
                CrossLingualMapTrainer.gram(x, y, rows), 1e-6);

        float[] probe = {1, 0, 0, 0, 0, 0};
        float[] mapped = fitted.toEnglish(probe);
        double norm = Math.sqrt(truth[0] * truth[0] + truth[1] * truth[1] + truth[2] * truth[2] + truth[3] * truth[3]);
        for (int c = 0; c < q; c++) {
            assertThat((double) mapped[c]).isCloseTo(truth[c] / norm, org.assertj.core.data.Offset.offset(1e-3));
        }
        float[][] unit = new float[n][];
        for (int i = 0; i < n; i++) {
            unit[i] = new CrossLingualMap(q, q, identity(q)).toEnglish(y[i]);
        }
        CrossLingualMapTrainer.Retrieval r = CrossLingualMapTrainer.retrieval(rows.subList(0, 50), x, unit, fitted::toEnglish);
        assertThat(r.p1()).isEqualTo(1.0);
    }

    @Test
    void shouldPairEachOriginalMessageWithItsTranslation() {
        byte[] mo = mo(List.of("", "Open the file", "Save %s as|Save %s files as"),
                List.of("Content-Type: text/plain; charset=UTF-8", "打开_文件", "将 %s 另存为|将 %s 文件另存为"));

        List<String[]> entries = ModernCorpusBuilder.catalogueEntries(mo);

        assertThat(entries).hasSize(3);
        assertThat(entries.get(1)).containsExactly("Open the file", "打开_文件");
        assertThat(ModernCorpusBuilder.cleanMessage(entries.get(1)[1])).isEqualTo("打开文件");
        assertThat(ModernCorpusBuilder.cleanMessage(entries.get(2)[0].split("\u0000")[0])).isEqualTo("Save as");
        assertThat(ModernCorpusBuilder.catalogue(mo)).contains("打开文件", "将 另存为", "将 文件另存为");
    }

    @Test
    void shouldKeepOnlyTranslatedSentencesAsPairs() {
        assertThat(CrossLingualMapTrainer.usable("Open the file", "打开文件")).isTrue();
        assertThat(CrossLingualMapTrainer.usable("Open", "打开")).as("one word, too short").isFalse();
        assertThat(CrossLingualMapTrainer.usable("Open the file", "Open the file")).as("untranslated").isFalse();
        assertThat(CrossLingualMapTrainer.usable("Open the file", "open the file 了")).isFalse();
    }

    @Test
    void shouldPairTheHandbooksParagraphsByPositionOnlyWhereBothVersionsAgree(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("en-US"));
        Files.createDirectories(dir.resolve("zh-CN"));
        String para = "<div class=\"para\">%s</div>";
        Files.writeString(dir.resolve("en-US/apt.html"), "<html><body>" + para.formatted("APT installs the packages you ask for.")
                + para.formatted("It also resolves their dependencies for you.") + "</body></html>");
        Files.writeString(dir.resolve("zh-CN/apt.html"), "<html><body>" + para.formatted("APT 会安装你所要求的软件包。")
                + para.formatted("It also resolves their dependencies for you.") + "</body></html>");
        Files.writeString(dir.resolve("en-US/other.html"), "<html><body>" + para.formatted("One paragraph in English only.")
                + "</body></html>");
        Files.writeString(dir.resolve("zh-CN/other.html"), "<html><body></body></html>");

        List<CrossLingualMapTrainer.Pair> pairs = CrossLingualMapTrainer.handbookPairs(dir);

        assertThat(pairs).containsExactly(new CrossLingualMapTrainer.Pair("APT installs the packages you ask for.",
                "APT 会安装你所要求的软件包。"));
    }

    private static float[] identity(int d) {
        float[] w = new float[d * d];
        for (int i = 0; i < d; i++) {
            w[i * d + i] = 1;
        }
        return w;
    }

    /** A little-endian GNU .mo file with the given originals and translations ("|" separates plural forms). */
    static byte[] mo(List<String> originals, List<String> translations) {
        int n = originals.size();
        int header = 28;
        int tables = header + 16 * n;
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        int[][] orig = new int[n][2];
        int[][] tran = new int[n][2];
        for (int pass = 0; pass < 2; pass++) {
            List<String> list = pass == 0 ? originals : translations;
            for (int i = 0; i < n; i++) {
                byte[] b = list.get(i).replace('|', '\u0000').getBytes(StandardCharsets.UTF_8);
                (pass == 0 ? orig : tran)[i] = new int[] {b.length, tables + strings.size()};
                strings.writeBytes(b);
                strings.write(0);
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(tables + strings.size()).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(0x950412de).putInt(0).putInt(n).putInt(header).putInt(header + 8 * n).putInt(0).putInt(0);
        for (int[] e : orig) {
            buf.putInt(e[0]).putInt(e[1]);
        }
        for (int[] e : tran) {
            buf.putInt(e[0]).putInt(e[1]);
        }
        buf.put(strings.toByteArray());
        return buf.array();
    }
}
