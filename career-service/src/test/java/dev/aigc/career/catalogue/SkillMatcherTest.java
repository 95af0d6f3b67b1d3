package dev.aigc.career.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aigc.career.Fixtures;

class SkillMatcherTest {

    private final Catalogue catalogue = Fixtures.catalogue();

    @Test
    void shouldRecogniseSkillsByAliasInEitherLanguage() {
        assertThat(SkillMatcher.recognise(catalogue, List.of("Python", "PyTorch 2.0", "统计学", "需求分析与用户访谈")))
                .containsExactly("programming", "deep-learning", "statistics", "requirements-analysis");
    }

    @Test
    void shouldMatchLatinAliasesOnlyAsWholeWords() {
        assertThat(SkillMatcher.recognise(catalogue, List.of("support vector machines"))).isEmpty();
        assertThat(SkillMatcher.recognise(catalogue, List.of("regression testing"))).isEmpty();
        assertThat(SkillMatcher.recognise(catalogue, List.of("SQL, Docker"))).containsExactly("system-development",
                "data-preprocessing");
    }

    @Test
    void shouldIgnoreUnknownSkills() {
        assertThat(SkillMatcher.recognise(catalogue, List.of("knitting", "烹饪"))).isEmpty();
        assertThat(SkillMatcher.recognise(catalogue, null)).isEmpty();
    }
}
