package dev.aigc.career.questionnaire;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.aigc.career.CareerProperties;
import dev.aigc.career.data.DataFiles;
import dev.aigc.serving.web.ApiException;

/** All questionnaire versions from {@code classpath:career/questionnaire/}, checked once when the service starts. */
@Component
public class QuestionnaireRepository {

    private final Map<String, Questionnaire> versions;
    private final String current;

    @Autowired
    public QuestionnaireRepository(CareerProperties properties) {
        this(DataFiles.readAll("questionnaire", Questionnaire.class, Questionnaire::version),
                properties.questionnaireVersion());
    }

    QuestionnaireRepository(Map<String, Questionnaire> versions, String current) {
        versions.values().forEach(questionnaire -> {
            List<String> problems = questionnaire.problems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Questionnaire " + questionnaire.version() + " is invalid: " + problems);
            }
        });
        if (!versions.containsKey(current)) {
            throw new IllegalStateException("Configured questionnaire version " + current + " does not exist; have "
                    + versions.keySet());
        }
        this.versions = Map.copyOf(versions);
        this.current = current;
    }

    public static QuestionnaireRepository fromClasspath(String current) {
        return new QuestionnaireRepository(
                DataFiles.readAll("questionnaire", Questionnaire.class, Questionnaire::version), current);
    }

    public Questionnaire current() {
        return versions.get(current);
    }

    public boolean exists(String version) {
        return versions.containsKey(version);
    }

    /** The named version, or the current one when {@code version} is null. Unknown versions are a 404. */
    public Questionnaire get(String version) {
        if (version == null) {
            return current();
        }
        Questionnaire questionnaire = versions.get(version);
        if (questionnaire == null) {
            throw ApiException.notFound("questionnaire version '" + version + "' does not exist; available: "
                    + String.join(", ", versions()));
        }
        return questionnaire;
    }

    public List<String> versions() {
        return versions.keySet().stream().sorted().toList();
    }
}
