package dev.aigc.classifier.v2;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The Open Inference Protocol parts of the document: a tensor's {@code data} described as the protocol's
 * specification does ({@code tensor_data}: an array of numbers, flat or nested) instead of as the Jackson tree type
 * that reads it, and an inference example that runs as it is: a 28 × 28 image of a drawn 1, flat.
 */
@Component
class InferenceProtocolDocs implements OpenApiCustomizer {

    static final String NAME = "TensorData";
    static final String REF = "#/components/schemas/" + NAME;

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.setComponents(components);
        // The items stay untyped: the exact recursive form (anyOf: number | TensorData) makes OpenAPI Generator's
        // Java clients fail to compile (List<TensorDataInner>.class), so the recursion is said in words.
        components.addSchemas(NAME, new ArraySchema()
                .description("Tensor contents in row-major order (the protocol's tensor_data): numbers, flat or "
                        + "nested one array per dimension, e.g. [0, 0.5, 1] or [[0, 0.5], [1, 0]]")
                .items(new Schema<>().description("A number or, for nested data, an array of the same kind")));
        if (openApi.getPaths() == null) {
            return;
        }
        for (String path : List.of(InferenceProtocolResource.INFER, InferenceProtocolResource.VERSION_INFER)) {
            PathItem item = openApi.getPaths().get("/v2" + path);
            if (item != null && item.getPost() != null && item.getPost().getRequestBody() != null) {
                item.getPost().getRequestBody().getContent().values().forEach(media -> media.setExample(example()));
            }
        }
    }

    static Map<String, Object> example() {
        List<Float> pixels = new ArrayList<>(784);
        for (int row = 0; row < 28; row++) {
            for (int column = 0; column < 28; column++) {
                pixels.add(row >= 4 && row < 24 && (column == 13 || column == 14) ? 1f : 0f);
            }
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", InferenceProtocolResource.INPUT);
        input.put("shape", List.of(1, 784));
        input.put("datatype", "FP32");
        input.put("data", pixels);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", "drawn-1");
        request.put("inputs", List.of(input));
        return request;
    }
}
