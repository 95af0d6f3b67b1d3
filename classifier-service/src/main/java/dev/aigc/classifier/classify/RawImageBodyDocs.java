package dev.aigc.classifier.classify;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The upload, JSON and raw-image forms of {@code POST /api/v1/classifications} share one path and method, and
 * springdoc keeps only the upload's and the JSON's request types in the merged operation: this adds the raw image
 * bodies (PNG, JPEG, GIF, BMP as the whole request body) so the document lists every form the service accepts.
 */
@Component
class RawImageBodyDocs implements OpenApiCustomizer {

    static final String PATH = "/api/v1/classifications";
    static final List<String> TYPES = List.of(org.springframework.http.MediaType.IMAGE_PNG_VALUE,
            org.springframework.http.MediaType.IMAGE_JPEG_VALUE, org.springframework.http.MediaType.IMAGE_GIF_VALUE,
            ClassificationResource.IMAGE_BMP);

    @Override
    public void customise(OpenAPI openApi) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(PATH);
        if (item == null || item.getPost() == null || item.getPost().getRequestBody() == null) {
            return;
        }
        Content content = item.getPost().getRequestBody().getContent();
        for (String type : TYPES) {
            if (content != null && !content.containsKey(type)) {
                content.addMediaType(type, new MediaType().schema(new Schema<>().type("string").format("binary")));
            }
        }
    }
}
