package dev.aigc.nlp.qa;

import dev.aigc.nlp.ServiceTestSupport;
import dev.aigc.nlp.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The answering-document choice on the seeded knowledge base. */
class PassageSelectorTest extends ServiceTestSupport {

    private static final String QUESTION = "Keras 和 TensorFlow 是什么关系？";

    @Autowired
    HybridRetriever retriever;

    @Autowired
    PassageSelector selector;

    @Autowired
    TermCoverage termCoverage;

    @Autowired
    KnowledgeBase kb;

    @Autowired
    QaProperties properties;

    @Autowired
    Bilingual bilingual;

    @Test
    void shouldAnswerFromTheDocumentThatHoldsTheQuestionsTerms() {
        HybridRetriever.Retrieval retrieval = retrieve(QUESTION);
        List<HybridRetriever.RankedChunk> ranked = retrieval.ranked();
        PassageSelector off = new PassageSelector(termCoverage, QaProperties.SELECT_DOCUMENTS, 1);
        PassageSelector.Selection before = off.select(QUESTION, retrieval);
        assertThat(before.promoted()).isFalse();
        assertThat(before.retrieval()).isSameAs(retrieval);
        assertThat(ranked.get(0).chunk().docId()).as("retrieval ranks a neighbouring topic first")
                .isNotEqualTo("zh-dl-frameworks");

        PassageSelector.Selection s = selector.select(QUESTION, retrieval);

        assertThat(s.promoted()).isTrue();
        assertThat(s.ranked().get(0).chunk().docId()).isEqualTo("zh-dl-frameworks");
        assertThat(s.passages()).isNotEmpty().allMatch(p -> p.chunk().docId().equals("zh-dl-frameworks"));
        assertThat(s.terms().coverage()).isGreaterThanOrEqualTo(before.terms().coverage() + 0.1);
        assertThat(s.ranked()).as("only reordered").hasSameSizeAs(ranked).containsAll(ranked);
        assertThat(s.retrieval().topBm25()).isEqualTo(retrieval.topBm25());
        assertThat(s.retrieval().relevance(0.02)).as("the relevance signal follows the chosen document")
                .isEqualTo(s.ranked().get(0).cosine() + 0.02 * retrieval.topBm25());
    }

    @Test
    void shouldKeepRetrievalsFirstDocumentWhenItCoversTheQuestion() {
        String question = "交叉熵损失是怎么计算的？";
        HybridRetriever.Retrieval retrieval = retrieve(question);

        PassageSelector.Selection s = selector.select(question, retrieval);

        assertThat(s.promoted()).isFalse();
        assertThat(s.retrieval()).isSameAs(retrieval);
        assertThat(s.ranked().get(0).chunk().docId()).isEqualTo("zh-cross-entropy");
        assertThat(s.passages()).isEqualTo(PassageSelector.answerPassages(retrieval.ranked()));
    }

    @Test
    void shouldAnswerFromTheOtherLanguagesPageWhenItsEnglishViewScoresHigher() {
        for (String[] q : new String[][] {{"What is mode collapse when training a GAN?", "zh-gan-training-tips"},
                {"What value does the CE loss approach when the model is confident and right?", "zh-cross-entropy"},
                {"Sigmoid 函数的输出值落在什么区间里？", "en-activation-functions"}}) {
            HybridRetriever.Retrieval retrieval = retrieve(q[0]);
            PassageSelector sameLanguageOnly = new PassageSelector(termCoverage, QaProperties.SELECT_DOCUMENTS, 0.1, 1,
                    null);
            assertThat(sameLanguageOnly.select(q[0], retrieval).ranked().get(0).chunk().docId())
                    .as("without the language decision: %s", q[0]).isNotEqualTo(q[1]);
            assertThat(retrieval.englishViewScore(q[1])).as("the right page's English view matched").isPositive();

            PassageSelector.Selection s = selector.select(q[0], retrieval);

            assertThat(s.ranked().get(0).chunk().docId()).as(q[0]).isEqualTo(q[1]);
            assertThat(s.promoted()).isTrue();
            assertThat(s.passages()).isNotEmpty().allMatch(p -> p.chunk().docId().equals(q[1]));
        }
    }

    @Test
    void shouldAnswerFromTheOtherLanguagesPageWhenTheLearnedSwitchPrefersItOverTheRule() {
        // tuning questions where the rule keeps a same-language neighbour (probabilities 0.99 and 0.995 against the
        // thresholds 0.70 and 0.95 in the fit's run)
        for (String[] q : new String[][] {{"Which option should I tick when installing Python on Windows?",
                "zh-install-python"}, {"学习率先做一小段预热（warm-up），之后一般接着怎么调？", "en-learning-rate-batch"}}) {
            HybridRetriever.Retrieval retrieval = retrieve(q[0]);
            PassageSelector ruleOnly = new PassageSelector(termCoverage, QaProperties.SELECT_DOCUMENTS,
                    properties.promoteMargin(), properties.crossLingualMargin(), properties.languageDecision());
            assertThat(ruleOnly.select(q[0], retrieval).ranked().get(0).chunk().docId())
                    .as("the rule alone: %s", q[0]).isNotEqualTo(q[1]);
            assertThat(retrieval.crossRanked().get(0).chunk().docId()).isEqualTo(q[1]);

            PassageSelector.Selection s = selector.select(q[0], retrieval);

            assertThat(s.ranked().get(0).chunk().docId()).as(q[0]).isEqualTo(q[1]);
            assertThat(s.passages()).isNotEmpty().allMatch(p -> p.chunk().docId().equals(q[1]));
        }
    }

    @Test
    void shouldPreferTheCrossLingualPageOnlyWhenItsViewScoreAndCoverageAllowIt() {
        QaProperties.LanguageDecision d = new QaProperties.LanguageDecision(-0.1, 0.1, 0.3, 0.1, 0, 0.4, false);
        assertThat(d.prefersCross(false, 10, 9.5, 0.5, 0.45)).as("English: within the margin and the slack").isTrue();
        assertThat(d.prefersCross(false, 10, 9.5, 0.5, 0.35)).as("coverage below the slack").isFalse();
        assertThat(d.prefersCross(true, 10, 10.5, 0.5, 0.5)).as("Chinese: needs a higher view score").isFalse();
        assertThat(d.prefersCross(true, 10, 13, 0.5, 0.5)).isTrue();
        assertThat(d.prefersCross(true, 10, 13, 0.5, 0.49)).as("Chinese: no coverage slack").isFalse();
        assertThat(d.prefersCross(false, 0, 0, 0, 0)).as("no view match, no switch").isFalse();
        assertThat(d.prefersCross(false, 10, 5, 0.6, 0.9)).as("English: coverage 0.3 higher").isTrue();
        assertThat(d.prefersCross(true, 10, 5, 0.5, 0.8)).as("Chinese: coverage 0.3 higher is not enough").isFalse();
        assertThat(d.prefersCross(true, 10, 5, 0.5, 0.9)).isTrue();
    }

    @Test
    void shouldPutThePageTheDenseEnglishViewScoresBestFirstInTheCrossLingualRanking() {
        String question = "GRU 跟 LSTM 比起来有什么不一样？";
        HybridRetriever fusedOnly = new HybridRetriever(kb.store(), kb.embedder(), properties, bilingual);
        HybridRetriever.Retrieval before = fusedOnly.retrieve(question, fusedOnly.embedQuestion(question),
                RetrievalMode.HYBRID);
        assertThat(before.crossRanked().get(0).chunk().docId()).as("fused order").isNotEqualTo("en-rnn-lstm");
        assertThat(before.denseView()).isEmpty();

        HybridRetriever.Retrieval r = retrieve(question);

        assertThat(r.crossRanked().get(0).chunk().docId()).isEqualTo("en-rnn-lstm");
        assertThat(r.crossRanked()).as("only reordered").hasSameSizeAs(before.crossRanked());
        assertThat(r.denseViewScore("en-rnn-lstm")).isPositive();
        assertThat(r.ranked().stream().map(c -> c.chunk().docId() + "#" + c.chunk().index()).toList())
                .as("the same-language ranking is not touched")
                .isEqualTo(before.ranked().stream().map(c -> c.chunk().docId() + "#" + c.chunk().index()).toList());
    }

    @Test
    void shouldSelectNothingFromAnEmptyRanking() {
        PassageSelector.Selection s = selector.select(QUESTION, new HybridRetriever.Retrieval(List.of(), 0));
        assertThat(s.passages()).isEmpty();
        assertThat(s.terms()).isNull();
    }

    private HybridRetriever.Retrieval retrieve(String question) {
        return retriever.retrieve(question, retriever.embedQuestion(question), RetrievalMode.HYBRID);
    }
}
