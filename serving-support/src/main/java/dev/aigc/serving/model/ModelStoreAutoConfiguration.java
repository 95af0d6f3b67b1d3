package dev.aigc.serving.model;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The shared model store ({@code serving.model-store.dir}) for the services' registries, and the follower that keeps
 * each replica on the recorded active version of every registry whose location is a writable directory.
 */
@AutoConfiguration
@EnableConfigurationProperties(ModelStoreProperties.class)
public class ModelStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ModelStores modelStores(ModelStoreProperties properties) {
        return new ModelStores(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    RecordedVersionFollower recordedVersionFollower(ObjectProvider<ModelRegistry<?>> registries,
            ModelStoreProperties properties) {
        return new RecordedVersionFollower(() -> List.copyOf(registries.orderedStream().toList()),
                properties.pollInterval());
    }
}
