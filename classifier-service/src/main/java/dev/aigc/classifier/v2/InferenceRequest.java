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
@Schema(example = "{\"id\": \"demo-1\", \"inputs\": [{\"name\": \"input\", \"shape\": [1, 784], \"datatype\": "
        + "\"FP32\", \"data\": [" + InferenceRequest.ZEROS_784 + "]}]}")
public record InferenceRequest(
        String id,
        Map<String, Object> parameters,
        @NotEmpty @Valid List<@NotNull Tensor> inputs,
        @Valid List<@NotNull RequestedOutput> outputs) {

    /** 784 zeros, for the documentation example. */
    static final String ZEROS_784 = "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
            + "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
            + "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
            + "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
            + "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0";

    /**
     * One input tensor; {@code data} is row-major, flat or nested.
     */
    public record Tensor(
            @NotBlank String name,
            @NotEmpty List<@NotNull Long> shape,
            @NotBlank String datatype,
            Map<String, Object> parameters,
            @NotNull JsonNode data) {
    }

    /** An output the client asks for. */
    public record RequestedOutput(@NotBlank String name, Map<String, Object> parameters) {
    }
}
