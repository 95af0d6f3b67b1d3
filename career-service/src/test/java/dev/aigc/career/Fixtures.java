package dev.aigc.career;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.CatalogueRepository;
import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.questionnaire.QuestionnaireRepository;

/** The real v1 data files and answer sets whose scores were worked out by hand (see each constant). */
public final class Fixtures {

    public static final QuestionnaireRepository QUESTIONNAIRES = QuestionnaireRepository.fromClasspath("v1");
    public static final CatalogueRepository CATALOGUES = CatalogueRepository.fromClasspath("v1", QUESTIONNAIRES);

    /** Presentation order of questionnaire v1. */
    public static final List<String> ORDER = List.of(
            "ET1", "AT1", "ST1", "PN1", "OR1", "PO1",
            "ET4", "AT3", "ST3", "PN3", "OR4", "PO3",
            "ET3", "AT4", "ST4", "PN4", "OR3", "PO4",
            "ET2", "AT2", "ST2", "PN2", "OR2", "PO2");

    /**
     * High tolerance, careful. Keyed: ET 5,5,5,4 = 4.75 -> 93.75; AT 4,5,4,4 = 4.25 -> 81.25; ST 4,4,4,4 -> 75;
     * PN 3,3,3,3 -> 50; OR 5,5,5,5 -> 100; PO 2,3,2,2 = 2.25 -> 31.25. Tolerance index 87.5 (high).
     */
    public static final Map<String, Integer> HIGH = answers(5, 4, 4, 3, 5, 2, 1, 5, 2, 3, 1, 3, 5, 2, 4, 3, 5, 4, 2, 2, 2, 3, 1, 4);

    /**
     * Medium tolerance, careful. Keyed: ET 3,3,4,3 -> 56.25; AT 3,3,3,2 -> 43.75; ST 3,3,4,3 -> 56.25;
     * PN 4,4,4,4 -> 75; OR 4,4,3,3 -> 62.5; PO 3,4,3,3 -> 56.25. Tolerance index 50 (medium).
     */
    public static final Map<String, Integer> MEDIUM = answers(3, 3, 3, 4, 4, 3, 3, 3, 3, 4, 2, 4, 4, 3, 4, 2, 3, 3, 3, 4, 3, 2, 3, 3);

    /**
     * Low tolerance, careful. Keyed: ET 2,2,2,2 -> 25; AT 1,2,1,1 -> 6.25; ST 4,4,4,4 -> 75; PN 5,5,5,5 -> 100;
     * OR 1,2,2,1 -> 12.5; PO 5,5,4,5 -> 93.75. Tolerance index 15.625 (low).
     */
    public static final Map<String, Integer> LOW = answers(2, 1, 4, 5, 1, 5, 4, 2, 2, 5, 4, 5, 2, 5, 4, 1, 2, 2, 4, 5, 2, 1, 5, 1);

    private Fixtures() {
    }

    public static Questionnaire questionnaire() {
        return QUESTIONNAIRES.current();
    }

    public static Catalogue catalogue() {
        return CATALOGUES.catalogue();
    }

    /** Answers given in presentation order. */
    public static Map<String, Integer> answers(int... values) {
        if (values.length != ORDER.size()) {
            throw new IllegalArgumentException("need " + ORDER.size() + " answers");
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put(ORDER.get(i), values[i]);
        }
        return answers;
    }

    public static Map<String, Integer> same(int value) {
        int[] values = new int[ORDER.size()];
        java.util.Arrays.fill(values, value);
        return answers(values);
    }

    public static Map<String, Integer> with(Map<String, Integer> answers, String item, int value) {
        Map<String, Integer> copy = new LinkedHashMap<>(answers);
        copy.put(item, value);
        return copy;
    }
}
