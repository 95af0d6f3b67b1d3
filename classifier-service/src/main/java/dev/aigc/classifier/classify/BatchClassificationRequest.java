package dev.aigc.classifier.classify;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Several images as JSON; the most one request may hold is {@code classifier.limits.max-batch-images}. */
@Schema(example = "{\"items\": [{\"imageBase64\": \"" + ClassificationRequest.EXAMPLE_PNG + "\"}]}")
public record BatchClassificationRequest(@NotEmpty @Valid List<@NotNull ClassificationRequest> items) {
}
