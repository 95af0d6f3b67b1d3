package dev.aigc.classifier.v2;

import dev.aigc.serving.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads a v2 input tensor into MNIST-layout images, checking data type, shape, length and values. */
final class Tensors {

    private static final int PIXELS = 784;

    private Tensors() {
    }

    static List<float[]> images(InferenceRequest.Tensor tensor, int maxImages) {
        if (!"FP32".equals(tensor.datatype())) {
            throw ApiException.badRequest("input '" + tensor.name() + "' has datatype " + tensor.datatype()
                    + "; FP32 is required");
        }
        List<Long> shape = tensor.shape();
        boolean flat = shape.size() == 2 && shape.get(1) == PIXELS;
        boolean planar = shape.size() == 4 && shape.get(1) == 1 && shape.get(2) == 28 && shape.get(3) == 28;
        if (!flat && !planar) {
            throw ApiException.badRequest("input '" + tensor.name() + "' has shape " + shape
                    + "; expected [N,1,28,28] or [N,784]");
        }
        long n = shape.get(0);
        if (n < 1 || n > maxImages) {
            throw ApiException.badRequest("input '" + tensor.name() + "' holds " + n + " images; 1 to " + maxImages
                    + " are accepted");
        }
        float[] values = new float[(int) n * PIXELS];
        int count = flatten(tensor.data(), values, 0, tensor.name());
        if (count != values.length) {
            throw ApiException.badRequest("input '" + tensor.name() + "' has " + count + " values; shape " + shape
                    + " needs " + values.length);
        }
        List<float[]> images = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            float[] image = new float[PIXELS];
            System.arraycopy(values, i * PIXELS, image, 0, PIXELS);
            images.add(image);
        }
        return images;
    }

    private static int flatten(JsonNode node, float[] into, int at, String name) {
        if (node.isArray()) {
            int position = at;
            for (JsonNode child : node) {
                position = flatten(child, into, position, name);
            }
            return position;
        }
        if (!node.isNumber()) {
            throw ApiException.badRequest("input '" + name + "' holds a non-number at position " + at + ": " + node);
        }
        // range-checked as a double first: 1e39 has no FP32 value (Jackson refuses to narrow it), 1e400 no double one
        double value;
        try {
            value = node.doubleValue();
        } catch (RuntimeException notRepresentable) {
            value = Double.NaN;
        }
        if (!(value >= 0 && value <= 1)) {
            String text = node.toString();
            throw ApiException.badRequest("input '" + name + "' value at position " + at + " is "
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "; values must be in [0, 1] (MNIST layout)");
        }
        if (at < into.length) {
            into[at] = (float) value;
        }
        return at + 1;
    }
}
