package dev.aigc.serving.model;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** Registers the {@code models} health indicator when the application declares at least one {@link ModelRegistry}. */
@AutoConfiguration
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(ModelRegistry.class)
@ConditionalOnEnabledHealthIndicator("models")
public class ModelsHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "modelsHealthIndicator")
    ModelsHealthIndicator modelsHealthIndicator(ObjectProvider<ModelRegistry<?>> registries) {
        List<ModelRegistry<?>> all = registries.orderedStream().toList();
        return new ModelsHealthIndicator(all);
    }
}
