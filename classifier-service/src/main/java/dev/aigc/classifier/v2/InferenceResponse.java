package dev.aigc.classifier.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An Open Inference Protocol (KServe v2) inference response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceResponse(
        @JsonProperty("model_name") String modelName,
        @JsonProperty("model_version") String modelVersion,
        String id,
        List<Output> outputs) {

    /** One output tensor with row-major flat data. */
    public record Output(String name, List<Long> shape, String datatype, float[] data) {
    }
}
