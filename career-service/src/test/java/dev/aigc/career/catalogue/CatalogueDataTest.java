package dev.aigc.career.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.aigc.career.Fixtures;
import dev.aigc.career.questionnaire.Band;
import dev.aigc.career.text.Text;

class CatalogueDataTest {

    private final Catalogue catalogue = Fixtures.catalogue();

    @Test
    void shouldGiveEveryCatalogueFactAKnownNonEmptySource() {
        List<Fact> facts = catalogue.facts();
        assertThat(facts).hasSizeGreaterThan(100);
        assertThat(facts).allSatisfy(fact -> {
            assertThat(fact.source()).as(fact.what()).isNotBlank();
            assertThat(catalogue.sources()).as(fact.what()).containsKey(fact.source());
        });
        assertThat(catalogue.sources().values()).allSatisfy(source -> {
            assertThat(source.citation()).isNotBlank();
            assertThat(source.kind()).isIn("article", "standard", "book", "paper", "taxonomy", "editorial");
        });
        assertThat(catalogue.problems(Fixtures.questionnaire())).isEmpty();
    }

    @Test
    void shouldRejectAFactWithoutAKnownSource() {
        Role role = catalogue.roles().get(0);
        Role broken = new Role(role.id(), role.title(), new SourcedText(role.summary().text(), "somewhere"),
                role.toleranceBand(), role.errorConsequence(), role.profile(), role.skills(), role.interests(),
                role.salary(), role.salaryNote(), role.path(), role.plan(), role.relatedOccupations());
        List<Role> roles = new ArrayList<>(catalogue.roles());
        roles.set(0, broken);
        Catalogue withBroken = new Catalogue(catalogue.version(), catalogue.sources(), catalogue.fitModel(),
                catalogue.interests(), catalogue.skills(), catalogue.strategies(), roles, catalogue.disclaimer());

        assertThat(withBroken.problems(Fixtures.questionnaire()))
                .containsExactly("roles." + role.id() + ".summary cites unknown source somewhere");
    }

    @Test
    void shouldHoldTheArticlesFiveRolesInItsToleranceBands() {
        Map<String, Band> bands = Map.of(
                "genai-rd-engineer", Band.HIGH,
                "algorithm-engineer", Band.HIGH,
                "data-scientist", Band.MEDIUM,
                "ai-product-manager", Band.MEDIUM,
                "technical-support-engineer", Band.LOW);
        assertThat(catalogue.roles()).extracting(Role::id).containsExactlyInAnyOrderElementsOf(bands.keySet());
        for (Role role : catalogue.roles()) {
            assertThat(role.toleranceBand().band()).as(role.id()).isEqualTo(bands.get(role.id()));
            assertThat(role.toleranceBand().source()).isEqualTo("article-9.2");
        }
    }

    @Test
    void shouldCarryTheArticlesSalariesAndNoInventedOnes() {
        assertSalary("genai-rd-engineer", 300_000, 500_000);
        assertSalary("data-scientist", 200_000, 400_000);
        assertSalary("ai-product-manager", 200_000, 400_000);
        for (String id : List.of("algorithm-engineer", "technical-support-engineer")) {
            Role role = catalogue.role(id).orElseThrow();
            assertThat(role.salary()).as(id).isNull();
            assertThat(role.salaryNote().text().isBlank()).isFalse();
        }
    }

    @Test
    void shouldTieEveryPathToTheNationalStandardsLevelsInOrder() {
        List<String> levels = List.of("初级", "中级", "高级");
        assertThat(catalogue.sources().get("cn-ai-standard-2021").citation())
                .contains("人工智能工程技术人员", "2021", "2-02-10-09", "初级", "中级", "高级");
        for (Role role : catalogue.roles()) {
            List<String> tied = role.path().stream().map(PathStep::standardLevel).filter(l -> l != null).toList();
            assertThat(tied).as(role.id()).startsWith("初级", "中级");
            assertThat(tied).as(role.id()).isSortedAccordingTo((a, b) -> levels.indexOf(a) - levels.indexOf(b));
            assertThat(tied).allSatisfy(level -> assertThat(levels).contains(level));
        }
    }

    @Test
    void shouldMakeAllFiveStrategiesSpecificToEachRoleInBothLanguages() {
        assertThat(catalogue.strategies()).extracting(Strategy::id)
                .containsExactly("fundamentals", "projects", "courses", "books", "exchange");
        Set<String> seen = new HashSet<>();
        for (Role role : catalogue.roles()) {
            assertThat(role.plan().keySet()).containsExactlyInAnyOrder("fundamentals", "projects", "courses", "books",
                    "exchange");
            for (PlanEntry entry : role.plan().values()) {
                assertThat(entry.text().isBlank()).isFalse();
                assertThat(seen.add(entry.text().en())).as("plan text reused: " + entry.text().en()).isTrue();
            }
        }
    }

    @Test
    void shouldWriteEveryRoleTextInBothLanguages() {
        for (Role role : catalogue.roles()) {
            List<Text> texts = new ArrayList<>(List.of(role.title(), role.summary().text(),
                    role.toleranceBand().rationale(), role.errorConsequence().text()));
            role.path().forEach(step -> texts.add(step.title()));
            role.path().forEach(step -> texts.add(step.description()));
            assertThat(texts).as(role.id()).allSatisfy(t -> {
                assertThat(t.zh()).isNotBlank();
                assertThat(t.en()).isNotBlank();
                assertThat(t.zh()).isNotEqualTo(t.en());
            });
        }
    }

    private void assertSalary(String id, long min, long max) {
        Salary salary = catalogue.role(id).orElseThrow().salary();
        assertThat(salary.min()).isEqualTo(min);
        assertThat(salary.max()).isEqualTo(max);
        assertThat(salary.currency()).isEqualTo("CNY");
        assertThat(salary.period()).isEqualTo("year");
        assertThat(salary.source()).isEqualTo("article-9.1");
        assertThat(salary.region().isBlank()).isFalse();
    }
}
