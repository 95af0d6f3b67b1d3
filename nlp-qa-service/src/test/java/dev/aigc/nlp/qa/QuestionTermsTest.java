package dev.aigc.nlp.qa;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionTermsTest {

    private static final QuestionTerms TERMS = new QuestionTerms();

    @AfterAll
    static void close() {
        TERMS.close();
    }

    @Test
    void shouldKeepTheContentWordsOfAChineseQuestionAndDropQuestionWords() {
        assertThat(texts("知识蒸馏怎么把大模型压缩成小模型？")).containsExactly("知识", "蒸馏", "模型", "压缩", "成");
    }

    @Test
    void shouldStemEnglishTermsLikeTheIndexAndDropQuestionWordsAndAuxiliaries() {
        assertThat(texts("How does a diffusion model create new pictures?"))
                .containsExactly("diffus", "model", "creat", "new", "pictur");
    }

    @Test
    void shouldTreatLatinWordsInChineseQuestionsAsNames() {
        List<QuestionTerms.Term> terms = TERMS.of("LoRA 微调的原理是什么？");
        assertThat(terms).extracting(QuestionTerms.Term::text).containsExactly("lora", "微调", "原理");
        assertThat(terms).filteredOn(QuestionTerms.Term::name).extracting(QuestionTerms.Term::surface)
                .containsExactly("LoRA");
    }

    @Test
    void shouldTreatAcronymsAndCapitalisedWordsInsideAnEnglishQuestionAsNames() {
        List<QuestionTerms.Term> terms = TERMS.of("Can I run GPT-4 on Ubuntu with a small GPU?");
        assertThat(terms).filteredOn(QuestionTerms.Term::name).extracting(QuestionTerms.Term::surface)
                .containsExactly("GPT", "Ubuntu", "GPU");
        assertThat(TERMS.of("Docker images: how big should they be?"))
                .as("a capitalised first word is not a name").noneMatch(QuestionTerms.Term::name);
    }

    @Test
    void shouldTreatOnlyThePartBeforeTheDotOfAFileNameAsAName() {
        List<QuestionTerms.Term> terms = TERMS.of("pip freeze 写进 requirements.txt 的是精确的版本号吗？");
        assertThat(terms).filteredOn(QuestionTerms.Term::name).extracting(QuestionTerms.Term::surface)
                .contains("pip", "freeze", "requirements").doesNotContain("txt");
        assertThat(TERMS.of("pom.xml 里要加哪个依赖？")).filteredOn(QuestionTerms.Term::name)
                .extracting(QuestionTerms.Term::surface).containsExactly("pom");
    }

    @Test
    void shouldNotTreatSingleLettersOrThePronounIAsNames() {
        assertThat(TERMS.of("What do I set top-k to?")).noneMatch(QuestionTerms.Term::name);
    }

    private static List<String> texts(String question) {
        return TERMS.of(question).stream().map(QuestionTerms.Term::text).toList();
    }
}
