package dev.aigc.nlp.classify;

import dev.aigc.nlp.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationApiTests extends ServiceTestSupport {

    @Test
    void shouldRankTheCallersLabelsZeroShot() throws Exception {
        JsonNode zh = post("/api/v1/nlp/classifications", json(Map.of("text", "昨晚的足球比赛踢得非常激烈，主队在最后一分钟进球获胜。",
                "labels", List.of("科技", "体育", "美食")))).json();
        assertThat(zh.get("label").asString()).isEqualTo("体育");
        assertThat(zh.get("scores")).hasSize(3);
        double sum = 0;
        for (JsonNode s : zh.get("scores")) {
            sum += s.get("score").asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));

        JsonNode en = post("/api/v1/nlp/classifications", json(Map.of("text",
                "Preheat the oven, whisk the eggs with sugar and bake the cake for forty minutes.",
                "labels", List.of("cooking", "finance", "astronomy")))).json();
        assertThat(en.get("label").asString()).isEqualTo("cooking");
    }

    @Autowired
    SentimentAnalyzer analyzer;

    @Test
    void shouldAnswerSentimentWithThreeScores() throws Exception {
        assertThat(sentiment("这次服务太贴心了，我非常满意！")).isEqualTo("positive");
        assertThat(sentiment("质量差得离谱，客服也不理人，我很生气。")).isEqualTo("negative");
    }

    @Test
    void shouldReachEightyFivePercentOnTheHeldOutSentimentSetInBothLanguages() throws Exception {
        List<String[]> rows = SentimentAnalyzer.parse(Files.readString(Path.of("eval/sentiment-eval.tsv")));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        int[] correct = new int[2];
        int[] total = new int[2];
        for (String[] row : rows) {
            int lang = row[1].matches(".*\\p{IsHan}.*") ? 0 : 1;
            total[lang]++;
            correct[lang] += analyzer.analyze(row[1]).label().equals(row[0]) ? 1 : 0;
        }
        assertThat((double) (correct[0] + correct[1]) / rows.size()).as("overall accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat((double) correct[0] / total[0]).as("Chinese accuracy").isGreaterThanOrEqualTo(0.8);
        assertThat((double) correct[1] / total[1]).as("English accuracy").isGreaterThanOrEqualTo(0.8);
    }

    private String sentiment(String text) throws Exception {
        Reply r = post("/api/v1/nlp/sentiment", json(Map.of("text", text)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("scores")).hasSize(3);
        return r.json().get("label").asString();
    }
}
