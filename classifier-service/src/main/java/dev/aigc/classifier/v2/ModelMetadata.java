package dev.aigc.classifier.v2;

import java.util.List;

/** Open Inference Protocol model metadata. */
public record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
                            List<TensorMetadata> outputs) {

    /** Name, data type and shape of a tensor; -1 is a variable dimension. */
    public record TensorMetadata(String name, String datatype, List<Long> shape) {
    }
}
