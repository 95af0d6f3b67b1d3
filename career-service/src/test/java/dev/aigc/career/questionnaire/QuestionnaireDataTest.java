package dev.aigc.career.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.aigc.career.Fixtures;

class QuestionnaireDataTest {

    private final Questionnaire questionnaire = Fixtures.questionnaire();

    @Test
    void shouldMeasureSixDimensionsWithFourMixedKeyedItemsEach() {
        assertThat(questionnaire.dimensionIds()).containsExactly("error_tolerance", "ambiguity_tolerance",
                "stress_tolerance", "precision_need", "open_research", "people_orientation");
        for (String dimension : questionnaire.dimensionIds()) {
            List<Item> items = questionnaire.itemsOf(dimension);
            assertThat(items).as(dimension).hasSizeGreaterThanOrEqualTo(4);
            assertThat(items.stream().filter(Item::reverse).count()).as(dimension).isEqualTo(items.size() / 2);
        }
        assertThat(questionnaire.problems()).isEmpty();
    }

    @Test
    void shouldWriteEveryItemAndInterpretationInBothLanguages() {
        assertThat(questionnaire.items()).allSatisfy(item -> {
            assertThat(item.text().zh()).isNotBlank();
            assertThat(item.text().en()).isNotBlank();
        });
        for (Dimension dimension : questionnaire.dimensions()) {
            for (Band band : Band.values()) {
                assertThat(dimension.interpretations().of(band).isBlank()).as(dimension.id() + " " + band).isFalse();
            }
        }
    }

    @Test
    void shouldPairEachDimensionOnceAsOppositesAndOnceAsNearDuplicates() {
        List<ConsistencyRules.Pair> pairs = questionnaire.consistency().pairs();
        for (String dimension : questionnaire.dimensionIds()) {
            List<ConsistencyRules.Kind> kinds = pairs.stream()
                    .filter(p -> questionnaire.item(p.first()).orElseThrow().dimension().equals(dimension))
                    .map(ConsistencyRules.Pair::kind).toList();
            assertThat(kinds).as(dimension).containsExactlyInAnyOrder(ConsistencyRules.Kind.opposite,
                    ConsistencyRules.Kind.similar);
        }
        for (ConsistencyRules.Pair pair : pairs) {
            Item first = questionnaire.item(pair.first()).orElseThrow();
            Item second = questionnaire.item(pair.second()).orElseThrow();
            assertThat(first.dimension()).isEqualTo(second.dimension());
            // opposite statements are keyed in opposite directions, near-duplicates in the same one
            assertThat(first.reverse() != second.reverse()).as(pair.toString())
                    .isEqualTo(pair.kind() == ConsistencyRules.Kind.opposite);
        }
    }

    @Test
    void shouldCiteTheInstrumentsItIsGroundedIn() {
        Set<String> ids = Set.copyOf(questionnaire.citations().stream().map(Citation::id).toList());
        assertThat(ids).contains("onet-work-styles", "onet-work-context", "budner-1962", "mclain-1993");
        assertThat(questionnaire.citations()).allSatisfy(c -> {
            assertThat(c.text()).isNotBlank();
            assertThat(c.usedFor().isBlank()).isFalse();
        });
        assertThat(questionnaire.citations()).filteredOn(c -> c.id().equals("onet-work-context")).singleElement()
                .satisfies(c -> assertThat(c.text()).contains("Consequence of Error"));
    }

    @Test
    void shouldReportABrokenQuestionnaire() {
        List<Item> items = new ArrayList<>(questionnaire.items());
        items.removeIf(item -> item.id().equals("PO4"));
        Questionnaire broken = new Questionnaire(questionnaire.version(), questionnaire.title(),
                questionnaire.instructions(), questionnaire.scale(), questionnaire.dimensions(), items,
                questionnaire.scoring(), questionnaire.consistency(), questionnaire.citations());
        assertThat(broken.problems()).contains("dimension people_orientation has 3 items",
                "consistency pair PO2/PO4 names an unknown item");
    }
}
