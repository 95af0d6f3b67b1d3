package dev.aigc.serving.model;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared models API ({@code serving.models.api.*}): each service serves it for its one {@link ModelRegistry}
 * under its own path.
 *
 * @param basePath       e.g. {@code /api/v1/gan/models}; unset: no models API
 * @param tag            the OpenAPI tag (generated clients name their API class after it, e.g. {@code GanModelsApi})
 * @param description    the tag's description
 * @param exampleVersion the version Swagger UI's "Try it out" fills in
 */
@ConfigurationProperties("serving.models.api")
public record ModelsApiProperties(String basePath, @DefaultValue("Models") String tag,
                                  @DefaultValue("Model versions, their model cards, and which one serves")
                                  String description,
                                  String exampleVersion) {
}
