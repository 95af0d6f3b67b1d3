package dev.aigc.classifier;

import ai.djl.Model;
import dev.aigc.classifier.classify.DigitClassifier;
import dev.aigc.classifier.model.MnistModel;
import dev.aigc.classifier.model.MnistTranslator;
import dev.aigc.serving.image.ImageDecoder;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ThreadLocalPredictors;
import dev.aigc.serving.training.Devices;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model registry, the batching classifier and the image decoder, each owned and closed by the context. */
@Configuration(proxyBeanMethods = false)
public class ClassifierConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    ModelRegistry<Model> mnistModels(ClassifierProperties properties) {
        ClassifierProperties.Models models = properties.models();
        return new ModelRegistry<>("mnist", models.location(),
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
