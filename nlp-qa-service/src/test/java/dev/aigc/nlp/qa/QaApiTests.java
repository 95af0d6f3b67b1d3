package dev.aigc.nlp.qa;

import dev.aigc.nlp.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QaApiTests extends ServiceTestSupport {

    @Test
    void shouldAnswerAChineseQuestionWithSentencesAndCitations() throws Exception {
        Reply r = post("/api/v1/qa/ask", json(Map.of("question", "怎么确认电脑上的 Python 已经装好了？", "topK", 3)));
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("answered").asBoolean()).isTrue();
        assertThat(body.get("citations").get(0).get("documentId").asString()).isEqualTo("zh-install-python");
        assertThat(body.get("citations")).hasSizeLessThanOrEqualTo(3);
        String answer = body.get("answer").asString();
        assertThat(answer).contains("python");
        String document = get("/api/v1/qa/documents/zh-install-python").json().get("text").asString();
        assertThat(answer.length()).as("an extract, not the whole document").isLessThan(document.length());
        assertThat(body.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(body.get("termCoverage").asDouble()).isGreaterThanOrEqualTo(0.2);
        assertThat(body.get("unknownTerms")).isEmpty();
    }

    @Test
    void shouldAnswerAnEnglishQuestion() throws Exception {
        Reply r = post("/api/v1/qa/ask", json(Map.of("question", "How is mean reciprocal rank computed?")));
        JsonNode body = r.json();
        assertThat(body.get("answered").asBoolean()).isTrue();
        assertThat(body.get("citations").get(0).get("documentId").asString()).isEqualTo("en-retrieval-metrics");
        assertThat(body.get("answer").asString()).containsIgnoringCase("reciprocal");
    }

    @Test
    void shouldSayWhenTheKnowledgeBaseCannotAnswer() throws Exception {
        Reply r = post("/api/v1/qa/ask", json(Map.of("question", "红烧肉怎么做才好吃？")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("answered").asBoolean()).isFalse();
        assertThat(body.get("answer").isNull()).isTrue();
        assertThat(body.get("confidence").asDouble()).isLessThan(0.5);
    }

    @Test
    void shouldRefuseAnOnTopicQuestionAboutSomethingTheBaseNeverMentions() throws Exception {
        Reply r = post("/api/v1/qa/ask", json(Map.of("question", "怎么用 Ollama 在本地部署大模型？")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("answered").asBoolean()).isFalse();
        assertThat(body.get("answer").isNull()).isTrue();
        assertThat(body.get("unknownTerms").get(0).asString()).isEqualTo("Ollama");
        assertThat(body.get("confidence").asDouble()).isZero();
        assertThat(body.get("citations")).as("the nearest documents are still cited").isNotEmpty();
    }

    @Test
    void shouldRefuseWhenTheAnswerLacksTheYearTheQuestionAsksFor() throws Exception {
        // the RNN page names the GRU but not who proposed it or when; its LSTM sentence has a year, but about LSTM
        Reply r = post("/api/v1/qa/ask", json(Map.of("question", "Who proposed the gated recurrent unit, and when?")));
        JsonNode body = r.json();
        assertThat(body.get("answered").asBoolean()).isFalse();
        assertThat(body.get("answer").isNull()).isTrue();
        assertThat(body.get("missingAnswer").get(0).asString()).isEqualTo("year");
        assertThat(body.get("confidence").asDouble()).isZero();
        assertThat(body.get("citations").get(0).get("documentId").asString()).isEqualTo("en-rnn-lstm");
    }

    @Test
    void shouldPutTheSentenceWithTheAskedForYearIntoTheAnswer() throws Exception {
        Reply r = post("/api/v1/qa/ask", json(Map.of("question", "生成对抗网络是哪一年由谁提出的？")));
        JsonNode body = r.json();
        assertThat(body.get("answered").asBoolean()).isTrue();
        assertThat(body.get("citations").get(0).get("documentId").asString()).isEqualTo("zh-gan");
        assertThat(body.get("answer").asString()).contains("2014");
        assertThat(body.get("missingAnswer")).isEmpty();
    }
}
