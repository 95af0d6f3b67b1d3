package dev.aigc.nlp.generate;

import dev.aigc.serving.model.ModelCard;

/** One version of the character LM as the API shows it: whether it serves now, and its model card. */
public record ModelVersionView(String version, boolean active, ModelCard card) {

    static ModelVersionView of(ModelCard card, String activeVersion) {
        return new ModelVersionView(card.version(), card.version().equals(activeVersion), card);
    }
}
