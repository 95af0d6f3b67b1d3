package dev.aigc.classifier;

import ai.djl.Model;
import dev.aigc.classifier.classify.DigitClassifier;
import dev.aigc.classifier.model.MnistModel;
import dev.aigc.classifier.model.MnistTranslator;
import dev.aigc.serving.image.ImageDecoder;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ModelStores;
import dev.aigc.serving.model.ThreadLocalPredictors;
import dev.aigc.serving.training.Devices;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model registry (its versions API comes from serving-support, configured in application.yml), the batching classifier and the image decoder, each owned and closed by the context. */
@Configuration(proxyBeanMethods = false)
public class ClassifierConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    ModelRegistry<Model> mnistModels(ClassifierProperties properties, ObjectProvider<ModelStores> storeProvider) {
        ModelStores stores = storeProvider.getIfAvailable(ModelStores::none);
        ClassifierProperties.Models models = properties.models();
        // on a shared store (serving.model-store.dir) the shipped versions are copied in and the active one is shared
        return new ModelRegistry<>("mnist", stores.location("mnist", models.location()),
                (dir, card) -> MnistModel.load(dir, card, Devices.preferred()), models.defaultVersion());
    }

    @Bean(destroyMethod = "close")
    DigitClassifier digitClassifier(ModelRegistry<Model> mnistModels, ClassifierProperties properties,
            MeterRegistry meters) {
        ThreadLocalPredictors<Model, float[][], float[][]> predictors =
                ThreadLocalPredictors.forModels(new MnistTranslator());
        return new DigitClassifier(mnistModels, predictors, properties.batching(), meters);
    }

    @Bean
    ImageDecoder imageDecoder(ClassifierProperties properties) {
        return new ImageDecoder(properties.limits().image());
    }
}
