package dev.aigc.nlp.qa;

import dev.aigc.nlp.ServiceTestSupport;
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

    @Test
    void shouldAnswerFromTheDocumentThatHoldsTheQuestionsTerms() {
        List<HybridRetriever.RankedChunk> ranked = retrieve(QUESTION);
        PassageSelector off = new PassageSelector(termCoverage, QaProperties.SELECT_DOCUMENTS, 1);
        PassageSelector.Selection before = off.select(QUESTION, ranked);
        assertThat(before.promoted()).isFalse();
        assertThat(before.ranked()).isSameAs(ranked);
        assertThat(ranked.get(0).chunk().docId()).as("retrieval ranks a neighbouring topic first")
                .isNotEqualTo("zh-dl-frameworks");

        PassageSelector.Selection s = selector.select(QUESTION, ranked);

        assertThat(s.promoted()).isTrue();
        assertThat(s.ranked().get(0).chunk().docId()).isEqualTo("zh-dl-frameworks");
        assertThat(s.passages()).isNotEmpty().allMatch(p -> p.chunk().docId().equals("zh-dl-frameworks"));
        assertThat(s.terms().coverage()).isGreaterThanOrEqualTo(before.terms().coverage() + 0.1);
        assertThat(s.ranked()).as("only reordered").hasSameSizeAs(ranked).containsAll(ranked);
    }

    @Test
    void shouldKeepRetrievalsFirstDocumentWhenItCoversTheQuestion() {
        String question = "交叉熵损失是怎么计算的？";
        List<HybridRetriever.RankedChunk> ranked = retrieve(question);

        PassageSelector.Selection s = selector.select(question, ranked);

        assertThat(s.promoted()).isFalse();
        assertThat(s.ranked().get(0).chunk().docId()).isEqualTo("zh-cross-entropy");
        assertThat(s.passages()).isEqualTo(PassageSelector.answerPassages(ranked));
    }

    @Test
    void shouldSelectNothingFromAnEmptyRanking() {
        PassageSelector.Selection s = selector.select(QUESTION, List.of());
        assertThat(s.passages()).isEmpty();
        assertThat(s.terms()).isNull();
    }

    private List<HybridRetriever.RankedChunk> retrieve(String question) {
        return retriever.retrieve(question, retriever.embedQuestion(question), RetrievalMode.HYBRID).ranked();
    }
}
