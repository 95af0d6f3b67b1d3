package dev.aigc.clients.calls;

import dev.aigc.client.classifier.api.OpenInferenceProtocolKServeV2Api;
import dev.aigc.client.classifier.model.InferenceRequest;
import dev.aigc.client.classifier.model.InferenceResponse;
import dev.aigc.client.classifier.model.Output;
import dev.aigc.client.classifier.model.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** A KServe v2 inference with the generated classifier client: a drawn 1 as a nested [1, 1, 28, 28] tensor. */
public class ClassifierCall implements Callable<Map<String, Object>> {

    @Override
    public Map<String, Object> call() throws Exception {
        List<Object> rows = new ArrayList<>();
        for (int row = 0; row < 28; row++) {
            List<Object> columns = new ArrayList<>();
            for (int column = 0; column < 28; column++) {
                columns.add(row >= 4 && row < 24 && (column == 13 || column == 14) ? 1.0 : 0.0);
            }
            rows.add(columns);
        }
        InferenceRequest request = new InferenceRequest().id("generated-client")
                .addInputsItem(new Tensor().name("input").datatype("FP32").shape(List.of(1L, 1L, 28L, 28L))
                        .data(List.of(List.of(rows))));
        OpenInferenceProtocolKServeV2Api v2 = new OpenInferenceProtocolKServeV2Api();
        InferenceResponse response = v2.infer("mnist", request);
        Output output = response.getOutputs().get(0);
        int best = 0;
        for (int i = 1; i < output.getData().size(); i++) {
            if (output.getData().get(i) > output.getData().get(best)) {
                best = i;
            }
        }
        InferenceResponse byVersion = v2.versionInfer("mnist", response.getModelVersion(), request);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", response.getId());
        facts.put("shape", output.getShape());
        facts.put("digit", best);
        facts.put("versionAnswered", byVersion.getModelVersion().equals(response.getModelVersion()));
        return facts;
    }
}
