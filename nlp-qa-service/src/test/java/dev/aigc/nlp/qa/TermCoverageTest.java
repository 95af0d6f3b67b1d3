package dev.aigc.nlp.qa;

import dev.aigc.nlp.ServiceTestSupport;
import dev.aigc.nlp.kb.Chunk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The term check against the seeded knowledge base's index statistics. */
class TermCoverageTest extends ServiceTestSupport {

    @Autowired
    TermCoverage termCoverage;

    @Test
    void shouldReportNamesThatOccurNowhereInTheKnowledgeBase() {
        TermCoverage.Result r = termCoverage.measure("怎么用 Ollama 在本地跑 DJL 模型？",
                List.of(passage("zh", "常用深度学习框架", "Java 开发者可以使用 DJL 调用 PyTorch 等引擎。")));
        assertThat(r.unknownNames()).containsExactly("Ollama");
        assertThat(r.passes(0.2, true)).isFalse();
        assertThat(r.passes(0.2, false)).as("the name check can be switched off").isEqualTo(r.coverage() >= 0.2);
    }

    @Test
    void shouldKnowNamesFromEitherLanguageAndInflectedForms() {
        // "Kubernetes" occurs only in an English document, "Mac" only inside "macOS".
        assertThat(termCoverage.measure("Kubernetes 怎么判断实例可以接流量？", List.of()).unknownNames()).isEmpty();
        assertThat(termCoverage.measure("Does the JDK installer work on a Mac?", List.of()).unknownNames()).isEmpty();
    }

    @Test
    void shouldKnowAbbreviationsTheBaseSpellsOut() {
        // The base writes "neural machine translation", "byte-pair encoding" and 随机梯度下降, never NMT, BPE or SGD.
        assertThat(termCoverage.measure("How does NMT use an encoder and a decoder?", List.of()).unknownNames()).isEmpty();
        assertThat(termCoverage.measure("Why do tokenizers use BPE?", List.of()).unknownNames()).isEmpty();
        assertThat(termCoverage.measure("SGD 每次用多少样本？", List.of()).unknownNames()).isEmpty();
        assertThat(termCoverage.measure("How do I tune an SVM kernel?", List.of()).unknownNames()).containsExactly("SVM");
    }

    @Test
    void shouldWeighCoverageByHowRareEachTermIs() {
        Chunk text = passage("zh", "交叉熵损失函数", "交叉熵衡量预测分布与真实分布的差距，多分类时先用 Softmax 再计算交叉熵。").chunk();
        HybridRetriever.RankedChunk p = new HybridRetriever.RankedChunk(text, 0, 0, null);
        assertThat(termCoverage.measure("交叉熵损失是怎么计算的？", List.of(p)).coverage()).isEqualTo(1.0);
        TermCoverage.Result partly = termCoverage.measure("交叉熵和蒸馏损失怎么计算？", List.of(p));
        assertThat(partly.uncovered()).containsExactly("蒸馏");
        // 蒸馏 occurs in no chunk, so it weighs more than any other term: coverage drops well below 4/5.
        assertThat(partly.coverage()).isBetween(0.3, 0.75);
        assertThat(termCoverage.measure("混合精度训练为什么能省显存？", List.of(p)).coverage()).isLessThan(0.2);
    }

    @Test
    void shouldCompareOnlyNamesWithAPassageInTheOtherLanguage() {
        TermCoverage.Result r = termCoverage.measure("Transformer 的注意力权重怎么算？",
                List.of(passage("en", "Transformers", "Attention weights come from the scaled dot product in a Transformer.")));
        assertThat(r.coverage()).as("Chinese words cannot occur in an English passage").isEqualTo(1.0);
    }

    private static HybridRetriever.RankedChunk passage(String lang, String title, String text) {
        return new HybridRetriever.RankedChunk(new Chunk("test", 0, title, lang, text, new float[0]), 0, 0, null);
    }
}
