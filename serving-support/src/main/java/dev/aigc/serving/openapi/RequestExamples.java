package dev.aigc.serving.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Puts the example of a JSON request body's schema ({@code @Schema(example = ...)} on the request record) on the
 * request body's media type as well, where Swagger UI's "Try it out" and client generators look first, so that
 * choosing {@code application/json} among several request types offers the working example instead of {@code {}}.
 */
public class RequestExamples implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                ? Map.of() : openApi.getComponents().getSchemas();
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (type.contains("json") && media.getExample() == null
                        && (media.getExamples() == null || media.getExamples().isEmpty())) {
                    Object example = example(media, schemas);
                    if (example != null) {
                        media.setExample(example);
                    }
                }
            });
        }));
    }

    private static Object example(MediaType media, Map<String, Schema> schemas) {
        Schema<?> schema = media.getSchema();
        if (schema != null && schema.get$ref() != null) {
            schema = schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        return schema == null ? null : schema.getExample();
    }
}
