package dev.aigc.career;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.aigc.career.catalogue.CatalogueRepository;
import dev.aigc.career.questionnaire.QuestionnaireRepository;

/**
 * Health contributor {@code careerData}: the questionnaire and catalogue versions in use. The data files are
 * parsed and cross-checked when the repositories are built, so a running service always reports UP; the details
 * tell operators which versions answer.
 */
@Component
class CareerDataHealthIndicator implements HealthIndicator {

    private final QuestionnaireRepository questionnaires;
    private final CatalogueRepository catalogues;

    CareerDataHealthIndicator(QuestionnaireRepository questionnaires, CatalogueRepository catalogues) {
        this.questionnaires = questionnaires;
        this.catalogues = catalogues;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("questionnaireVersions", questionnaires.versions())
                .withDetail("currentQuestionnaire", questionnaires.current().version())
                .withDetail("catalogueVersion", catalogues.catalogue().version())
                .withDetail("roles", catalogues.catalogue().roles().size())
                .build();
    }
}
