package dev.aigc.nlp.qa;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.aigc.nlp.qa.AnswerType.Kind.NUMBER;
import static dev.aigc.nlp.qa.AnswerType.Kind.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

/** Which questions ask for a year or a number, and which sentences hold one. */
class AnswerTypeTest {

    @Test
    void shouldTellWhatKindOfAnswerAQuestionAsksFor() {
        assertThat(AnswerType.expected("In what year was the Transformer introduced?")).containsExactly(YEAR);
        assertThat(AnswerType.expected("Who proposed the gated recurrent unit, and when?")).containsExactly(YEAR);
        assertThat(AnswerType.expected("When was PyTorch released?")).containsExactly(YEAR);
        assertThat(AnswerType.expected("LSTM 是哪一年提出来的？")).containsExactly(YEAR);
        assertThat(AnswerType.expected("How many classes does MNIST have?")).containsExactly(NUMBER);
        assertThat(AnswerType.expected("CIFAR-10 一共有多少张图片？")).containsExactly(NUMBER);
        assertThat(AnswerType.expected("一个 Transformer 编码器有几层？")).containsExactly(NUMBER);
        assertThat(AnswerType.expected("How many parameters did GPT-2 have, and which year did it come out?"))
                .containsExactlyInAnyOrder(YEAR, NUMBER);
    }

    @Test
    void shouldNotTakeAListOrAConditionForAYearOrACount() {
        for (String q : List.of("问答系统回答问题要经过哪几个步骤？", "多头注意力为什么要让好几个头并行算？",
                "本地联调时想把几个服务一次性拉起来，Docker 这边有什么工具？", "When should I stop training?",
                "What is early stopping?", "什么时候该用早停？")) {
            assertThat(AnswerType.expected(q)).as(q).isEmpty();
        }
    }

    @Test
    void shouldFindYearsAndNumbersInBothLanguages() {
        assertThat(AnswerType.holds(YEAR, "GAN 由伊恩·古德费洛等人在 2014 年提出。")).isTrue();
        assertThat(AnswerType.holds(YEAR, "proposed by Hochreiter and Schmidhuber in 1997")).isTrue();
        assertThat(AnswerType.holds(YEAR, "a batch of 256 images")).isFalse();
        assertThat(AnswerType.holds(NUMBER, "包含 0 到 9 共十个类别")).isTrue();
        assertThat(AnswerType.holds(NUMBER, "上千个类别")).isTrue();
        assertThat(AnswerType.holds(NUMBER, "实践中通常每次只用一小批样本估计梯度")).isTrue();
        assertThat(AnswerType.holds(NUMBER, "The gated recurrent unit is a lighter variant with two gates.")).isTrue();
        assertThat(AnswerType.holds(NUMBER, "COCO 数据集主要用于目标检测和图像分割。")).isFalse();
        assertThat(AnswerType.holds(NUMBER, "Theano 由蒙特利尔大学开发，如今已停止主要开发。")).isFalse();
    }

    @Test
    void shouldReportTheKindsNoTextHolds() {
        Set<AnswerType.Kind> both = Set.of(YEAR, NUMBER);
        assertThat(AnswerType.missing(both, List.of("It has two gates.", "Nothing here."))).containsExactly(YEAR);
        assertThat(AnswerType.missing(both, List.of("Introduced in 2017."))).isEmpty();
        assertThat(AnswerType.missing(Set.of(), List.of())).isEmpty();
    }
}
