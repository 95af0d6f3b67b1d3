package dev.aigc.classifier.v2;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An Open Inference Protocol (KServe v2) inference request. */
@Schema(description = "Inputs (this model: one FP32 tensor named 'input') and the outputs wanted")
public record InferenceRequest(
        String id,
        Map<String, Object> parameters,
        @NotEmpty @Valid List<@NotNull Tensor> inputs,
        @Valid List<@NotNull RequestedOutput> outputs) {

    /**
     * One input tensor; {@code data} is row-major, flat or nested (documented as {@link InferenceProtocolDocs#NAME}, as
     * the protocol's specification does, not as Jackson's tree type that reads it).
     */
    public record Tensor(
            @NotBlank String name,
            @NotEmpty List<@NotNull Long> shape,
            @NotBlank String datatype,
            Map<String, Object> parameters,
            @Schema(ref = InferenceProtocolDocs.REF) @NotNull JsonNode data) {
    }

    /** An output the client asks for. */
    public record RequestedOutput(@NotBlank String name, Map<String, Object> parameters) {
    }
}
