package dev.aigc.nlp.qa;

import dev.aigc.nlp.ServiceTestSupport;
import dev.aigc.nlp.kb.Languages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions asked in one language about facts the knowledge base holds only in the other (the examples of issue 13):
 * answered from the right document, with its sentences in the document's language and a [1] marker for it.
 */
class CrossLingualQaTests extends ServiceTestSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What are the two networks in a generative adversarial network? | zh-gan | 两个互相竞争的网络",
            "How many training images does MNIST have? | zh-image-datasets | 6 万",
            "How is the cross-entropy loss of one sample computed? | zh-cross-entropy | 交叉熵",
            "LSTM 有哪些门？ | en-rnn-lstm | gate",
            "什么是早停？ | en-checkpoints-early-stopping | validation"})
    void shouldAnswerFromTheDocumentInTheOtherLanguage(String question, String document, String expected)
            throws Exception {
        JsonNode body = post("/api/v1/qa/ask", json(Map.of("question", question, "topK", 3))).json();

        assertThat(body.get("answered").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.get("citations").get(0).get("documentId").asString()).isEqualTo(document);
        String answer = body.get("answer").asString();
        assertThat(answer).containsIgnoringCase(expected).contains("[1]");
        assertThat(Languages.detect(answer)).as("the passage's language").isEqualTo(document.substring(0, 2));
        assertThat(body.get("confidence").asDouble()).isBetween(0.0, 1.0);
    }

    /**
     * A file name in a Chinese question: SmartChinese splits it at the dot, and the suffix alone ("txt", "xml") is not
     * taken for a name the base never mentions (the English page indexes the file name whole).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "用 pip freeze 导出的 requirements.txt 有什么用？ | en-python-venv | txt",
            "Maven 的 pom.xml 文件里列的是哪些东西？ | en-install-maven | xml"})
    void shouldNotRefuseAQuestionForTheSuffixOfAFileName(String question, String document, String suffix)
            throws Exception {
        JsonNode body = post("/api/v1/qa/ask", json(Map.of("question", question, "topK", 3))).json();

        assertThat(body.get("unknownTerms").toString()).as(body.toString()).doesNotContain(suffix);
        assertThat(body.get("answered").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.get("citations").get(0).get("documentId").asString()).isEqualTo(document);
    }

    /**
     * Tuning questions whose page the fused cross-lingual ranking did not put first and the dense English view's
     * reorder does (a same-language neighbour or another other-language page was chosen before).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GRU 跟 LSTM 比起来有什么不一样？ | en-rnn-lstm",
            "DJL 开了离线模式以后，原生库要从哪里拿？ | en-djl",
            "Roughly how many labelled pictures and categories does ImageNet contain? | zh-image-datasets",
            "In boosting, which training samples does each new weak learner pay most attention to? | zh-ensemble"})
    void shouldChooseThePageTheDenseEnglishViewRanksFirst(String question, String document) throws Exception {
        JsonNode body = post("/api/v1/qa/ask", json(Map.of("question", question, "topK", 3))).json();

        assertThat(body.get("citations").get(0).get("documentId").asString()).as(body.toString()).isEqualTo(document);
    }
}
