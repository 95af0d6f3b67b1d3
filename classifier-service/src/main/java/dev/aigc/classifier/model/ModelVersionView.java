package dev.aigc.classifier.model;

import dev.aigc.serving.model.ModelCard;

/** One model version as the API shows it: whether it serves now, whether it is an ensemble, and its card. */
public record ModelVersionView(String version, boolean active, boolean ensemble, ModelCard card) {

    static ModelVersionView of(ModelCard card, String activeVersion) {
        return new ModelVersionView(card.version(), card.version().equals(activeVersion), MnistModel.isEnsemble(card),
                card);
    }
}
