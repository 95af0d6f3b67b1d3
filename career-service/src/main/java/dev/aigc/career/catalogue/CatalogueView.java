package dev.aigc.career.catalogue;

import java.util.List;
import java.util.Map;

import dev.aigc.career.questionnaire.Questionnaire;
import dev.aigc.career.text.Lang;

/** {@code GET /roles}: every role, the interest vocabulary, the five strategies and the sources. */
public record CatalogueView(String catalogueVersion, String language, List<RoleView> roles,
        List<Vocabulary> interests, List<Vocabulary> skills, List<Vocabulary> strategies, Map<String, Source> sources,
        String disclaimer) {

    public record Vocabulary(String id, String name) {
    }

    public static CatalogueView of(Catalogue catalogue, Questionnaire questionnaire, Lang lang) {
        return new CatalogueView(catalogue.version(), lang.code(),
                catalogue.roles().stream().map(r -> RoleView.of(r, catalogue, questionnaire, lang)).toList(),
                catalogue.interests().stream().map(i -> new Vocabulary(i.id(), i.name().in(lang))).toList(),
                catalogue.skills().stream().map(s -> new Vocabulary(s.id(), s.name().in(lang))).toList(),
                catalogue.strategies().stream().map(s -> new Vocabulary(s.id(), s.name().in(lang))).toList(),
                RoleView.sources(catalogue), catalogue.disclaimer().in(lang));
    }

    /** {@code GET /roles/{id}}. */
    public record One(String catalogueVersion, String language, RoleView role, Map<String, Source> sources) {

        public static One of(Catalogue catalogue, Role role, Questionnaire questionnaire, Lang lang) {
            return new One(catalogue.version(), lang.code(), RoleView.of(role, catalogue, questionnaire, lang),
                    RoleView.sources(catalogue));
        }
    }
}
