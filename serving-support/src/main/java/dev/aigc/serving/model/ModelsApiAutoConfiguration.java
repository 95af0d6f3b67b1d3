package dev.aigc.serving.model;

import java.util.List;

import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves {@link ModelsController} for the application's one {@link ModelRegistry} when
 * {@code serving.models.api.base-path} is set, and names its operations in the OpenAPI document with the service's
 * tag.
 */
@AutoConfiguration(after = ModelStoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "serving.models.api", name = "base-path")
@ConditionalOnSingleCandidate(ModelRegistry.class)
@EnableConfigurationProperties(ModelsApiProperties.class)
public class ModelsApiAutoConfiguration {

    @Bean
    ModelsController modelsController(ModelRegistry<?> registry) {
        return new ModelsController(registry);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OperationCustomizer.class)
    static class Documentation {

        @Bean
        OperationCustomizer modelsApiOperations(ModelsApiProperties properties, ModelRegistry<?> registry) {
            return (operation, handler) -> {
                if (!ModelsController.class.equals(handler.getBeanType())) {
                    return operation;
                }
                operation.setTags(List.of(properties.tag()));
                if (operation.getParameters() != null) {
                    String example = properties.exampleVersion() != null ? properties.exampleVersion()
                            : registry.activeVersion().orElse(null);
                    for (Parameter parameter : operation.getParameters()) {
                        if ("version".equals(parameter.getName()) && example != null) {
                            parameter.setExample(example);
                        }
                    }
                }
                return operation;
            };
        }

        @Bean
        OpenApiCustomizer modelsApiTag(ModelsApiProperties properties) {
            return openApi -> {
                boolean listed = openApi.getTags() != null
                        && openApi.getTags().stream().anyMatch(t -> properties.tag().equals(t.getName()));
                if (!listed) {
                    openApi.addTagsItem(new Tag().name(properties.tag()).description(properties.description()));
                }
            };
        }
    }
}
