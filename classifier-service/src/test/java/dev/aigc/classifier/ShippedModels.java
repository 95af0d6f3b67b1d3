package dev.aigc.classifier;

import ai.djl.Device;
import ai.djl.Model;
import dev.aigc.classifier.model.MnistModel;
import dev.aigc.serving.model.ModelCard;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The model versions shipped in src/main/resources/models/mnist, loaded straight from the classpath folder. */
public final class ShippedModels {

    public static final String SINGLE = "1.1-single";
    public static final String ENSEMBLE = "1.1-ensemble";

    private ShippedModels() {
    }

    public static Path dir(String version) {
        URL card = ShippedModels.class.getClassLoader().getResource("models/mnist/" + version + "/model-card.json");
        if (card == null) {
            throw new IllegalStateException("shipped model version " + version + " is missing from the classpath");
        }
        try {
            return Path.of(card.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ModelCard card(String version) throws Exception {
        return ModelCard.read(dir(version));
    }

    public static Model load(String version) throws Exception {
        return MnistModel.load(dir(version), card(version), Device.cpu());
    }
}
