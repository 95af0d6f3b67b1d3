package dev.aigc.nlp.qa;

import dev.aigc.nlp.ServiceTestSupport;
import dev.aigc.nlp.eval.EvalQuestion;
import dev.aigc.nlp.eval.RetrievalEvaluator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The goals, on the shipped knowledge base, evaluation set and configured threshold. */
class RetrievalQualityTest extends ServiceTestSupport {

    @Autowired
    HybridRetriever retriever;

    @Autowired
    QaProperties properties;

    @Test
    void shouldMeetHitAtOneAndNoAnswerPrecisionGoalsWithHybridRetrieval() throws Exception {
        List<EvalQuestion> questions = EvalQuestion.read(Path.of("eval/qa-eval.tsv"));
        assertThat(questions.stream().filter(EvalQuestion::answerable).count()).isGreaterThanOrEqualTo(60);
        assertThat(questions.stream().filter(q -> !q.answerable()).count()).isGreaterThanOrEqualTo(15);

        List<RetrievalEvaluator.Outcome> outcomes = new RetrievalEvaluator(retriever, properties.lexicalWeight())
                .run(questions, RetrievalMode.HYBRID);
        RetrievalEvaluator.Metrics m = RetrievalEvaluator.metrics(outcomes, properties.minSimilarity());

        assertThat(m.hit1()).as("hybrid hit@1").isGreaterThanOrEqualTo(0.90);
        assertThat(m.hit5()).as("hybrid hit@5").isGreaterThanOrEqualTo(m.hit1());
        assertThat(m.noAnswerPrecision()).as("no-answer precision").isGreaterThanOrEqualTo(0.90);
        assertThat(m.noAnswerRecall()).as("no-answer recall").isGreaterThanOrEqualTo(0.70);
    }
}
