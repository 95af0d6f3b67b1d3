package dev.aigc.career.assessment;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.CatalogueRepository;
import dev.aigc.career.questionnaire.Item;
import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.questionnaire.QuestionnaireRepository;
import dev.aigc.career.questionnaire.Scale;
import dev.aigc.career.text.Templates;

/** Validator of {@link ValidAnswerSheet}; Spring creates it with the repositories injected. */
public class AnswerSheetValidator implements ConstraintValidator<ValidAnswerSheet, AnswerSheet> {

    private final QuestionnaireRepository questionnaires;
    private final CatalogueRepository catalogues;

    public AnswerSheetValidator(QuestionnaireRepository questionnaires, CatalogueRepository catalogues) {
        this.questionnaires = questionnaires;
        this.catalogues = catalogues;
    }

    @Override
    public boolean isValid(AnswerSheet sheet, ConstraintValidatorContext context) {
        if (sheet == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        Problems problems = new Problems(context);
        interests(sheet.background(), catalogues.catalogue(), problems);

        String version = sheet.questionnaireVersion();
        if (version != null && !questionnaires.exists(version)) {
            problems.add("questionnaireVersion", null, "questionnaire version '" + version
                    + "' does not exist; available: " + String.join(", ", questionnaires.versions()));
            return problems.none();
        }
        Questionnaire questionnaire = questionnaires.get(version);
        boolean hasAnswers = sheet.answers() != null && !sheet.answers().isEmpty();
        boolean hasScores = sheet.scores() != null && !sheet.scores().isEmpty();
        if (sheet.acceptsScores() && hasAnswers && hasScores) {
            problems.add("scores", null, "give either answers or the scores of an earlier assessment, not both");
        } else if (sheet.acceptsScores() && !hasAnswers && !hasScores) {
            problems.add("answers", null, "give the answers to questionnaire " + questionnaire.version()
                    + ", or the dimension scores of an earlier assessment in 'scores'");
        } else if (hasScores) {
            scores(sheet.scores(), questionnaire, problems);
        } else if (!hasAnswers) {
            problems.add("answers", null, "must answer every item of questionnaire " + questionnaire.version());
        } else {
            answers(sheet.answers(), questionnaire, problems);
        }
        return problems.none();
    }

    static void answers(Map<String, Integer> answers, Questionnaire questionnaire, Problems problems) {
        Scale scale = questionnaire.scale();
        Map<String, Item> items = questionnaire.itemsById();
        answers.keySet().stream().filter(id -> !items.containsKey(id)).sorted().forEach(id -> problems.add("answers",
                id, "'" + id + "' is not an item of questionnaire " + questionnaire.version()));
        for (Item item : items.values()) {
            if (!answers.containsKey(item.id())) {
                problems.add("answers", item.id(), "item " + item.id() + " is not answered; questionnaire "
                        + questionnaire.version() + " needs all " + items.size() + " items");
            } else {
                Integer answer = answers.get(item.id());
                if (answer == null || !scale.contains(answer)) {
                    problems.add("answers", item.id(), "answer to item " + item.id() + " must be a whole number from "
                            + scale.min() + " to " + scale.max() + " but was " + answer);
                }
            }
        }
    }

    static void scores(Map<String, Double> scores, Questionnaire questionnaire, Problems problems) {
        List<String> dimensions = questionnaire.dimensionIds();
        scores.keySet().stream().filter(id -> !dimensions.contains(id)).sorted().forEach(id -> problems.add("scores",
                id, "'" + id + "' is not a dimension; expected " + String.join(", ", dimensions)));
        for (String dimension : dimensions) {
            Double score = scores.get(dimension);
            if (!scores.containsKey(dimension)) {
                problems.add("scores", dimension, "score for dimension " + dimension + " is missing");
            } else if (score == null || score.isNaN() || score < 0 || score > 100) {
                problems.add("scores", dimension, "score for dimension " + dimension
                        + " must be from 0 to 100 but was " + score);
            }
        }
    }

    static void interests(Background background, Catalogue catalogue, Problems problems) {
        if (background == null || background.interests() == null) {
            return;
        }
        List<String> known = catalogue.interestIds();
        List<String> interests = background.interests();
        for (int i = 0; i < interests.size(); i++) {
            String interest = interests.get(i);
            if (interest != null && !known.contains(interest)) {
                problems.addIndexed("background", "interests", i, "'" + interest
                        + "' is not a known interest; use one of " + String.join(", ", known));
            }
        }
    }

    /** Builds violations whose property paths Spring renders as {@code answers[ET3]} or {@code a.b[2]}. */
    static final class Problems {

        private final ConstraintValidatorContext context;
        private int count;

        Problems(ConstraintValidatorContext context) {
            this.context = context;
        }

        void add(String property, String key, String message) {
            count++;
            var builder = context.buildConstraintViolationWithTemplate(Templates.escape(message)).addPropertyNode(property);
            if (key == null) {
                builder.addConstraintViolation();
            } else {
                builder.addContainerElementNode("<map value>", Map.class, 1).inIterable().atKey(key)
                        .addConstraintViolation();
            }
        }

        void addIndexed(String parent, String property, int index, String message) {
            count++;
            context.buildConstraintViolationWithTemplate(Templates.escape(message))
                    .addPropertyNode(parent).addPropertyNode(property)
                    .addContainerElementNode("<list element>", List.class, 0).inIterable().atIndex(index)
                    .addConstraintViolation();
        }

        boolean none() {
            return count == 0;
        }
    }
}
