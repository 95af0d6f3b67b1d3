package dev.aigc.career.catalogue;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.aigc.career.CareerProperties;
import dev.aigc.career.data.DataFiles;
import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.questionnaire.QuestionnaireRepository;
import dev.aigc.serving.web.ApiException;

/**
 * The role catalogue in use, from {@code classpath:career/catalogue/}. It is checked at start-up against every
 * questionnaire version, since any of them may be answered and then matched against these roles.
 */
@Component
public class CatalogueRepository {

    private final Catalogue catalogue;

    @Autowired
    public CatalogueRepository(CareerProperties properties, QuestionnaireRepository questionnaires) {
        this(DataFiles.readAll("catalogue", Catalogue.class, Catalogue::version), properties.catalogueVersion(),
                questionnaires);
    }

    CatalogueRepository(Map<String, Catalogue> versions, String version, QuestionnaireRepository questionnaires) {
        Catalogue chosen = versions.get(version);
        if (chosen == null) {
            throw new IllegalStateException("Configured catalogue version " + version + " does not exist; have "
                    + versions.keySet());
        }
        for (String questionnaireVersion : questionnaires.versions()) {
            Questionnaire questionnaire = questionnaires.get(questionnaireVersion);
            List<String> problems = chosen.problems(questionnaire);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Catalogue " + version + " does not fit questionnaire "
                        + questionnaireVersion + ": " + problems);
            }
        }
        this.catalogue = chosen;
    }

    public static CatalogueRepository fromClasspath(String version, QuestionnaireRepository questionnaires) {
        return new CatalogueRepository(DataFiles.readAll("catalogue", Catalogue.class, Catalogue::version), version,
                questionnaires);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The named role; an unknown id is a 404 that names it. */
    public Role role(String id) {
        return catalogue.role(id).orElseThrow(() -> ApiException.notFound("role '" + id
                + "' does not exist in catalogue " + catalogue.version() + "; known roles: "
                + String.join(", ", catalogue.roles().stream().map(Role::id).toList())));
    }
}
