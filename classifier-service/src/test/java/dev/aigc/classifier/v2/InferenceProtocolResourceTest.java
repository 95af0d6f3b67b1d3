package dev.aigc.classifier.v2;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigc.classifier.ClassifierConfiguration;
import dev.aigc.classifier.ClassifierProperties;
import dev.aigc.classifier.DigitDrawings;
import dev.aigc.classifier.ShippedModels;
import dev.aigc.serving.image.MnistPreprocessor;
import dev.aigc.serving.web.ServingWebAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Inference Protocol (KServe v2) endpoints with the real shipped model behind the real batcher: response
 * shapes as the protocol specifies them, and {@code {"error": ...}} with 400 for every malformed request.
 */
@WebMvcTest(InferenceProtocolResource.class)
@ImportAutoConfiguration(ServingWebAutoConfiguration.class)
@Import({ClassifierConfiguration.class, InferenceProtocolResourceTest.Config.class})
@TestPropertySource(properties = {"classifier.limits.max-batch-images=8",
        "classifier.models.default-version=" + ShippedModels.ENSEMBLE})
class InferenceProtocolResourceTest {

    @TestConfiguration
    @EnableConfigurationProperties(ClassifierProperties.class)
    static class Config {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldAnswerLivenessAndReadiness() throws Exception {
        mvc.perform(get("/v2/health/live")).andExpect(status().isOk()).andExpect(jsonPath("$.live").value(true));
        mvc.perform(get("/v2/health/ready")).andExpect(status().isOk()).andExpect(jsonPath("$.ready").value(true));
        mvc.perform(get("/v2/models/mnist/ready")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("mnist")).andExpect(jsonPath("$.ready").value(true));
        mvc.perform(get("/v2")).andExpect(status().isOk()).andExpect(jsonPath("$.name").isString())
                .andExpect(jsonPath("$.extensions").isArray());
    }

    @Test
    void shouldDescribeTheModelsTensors() throws Exception {
        mvc.perform(get("/v2/models/mnist"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("mnist"))
                .andExpect(jsonPath("$.versions").isArray())
                .andExpect(jsonPath("$.platform").isString())
                .andExpect(jsonPath("$.inputs[0].datatype").value("FP32"))
                .andExpect(jsonPath("$.inputs[0].shape").value(org.hamcrest.Matchers.contains(-1, 1, 28, 28)))
                .andExpect(jsonPath("$.outputs[0].name").value("probabilities"))
                .andExpect(jsonPath("$.outputs[0].datatype").value("FP32"))
                .andExpect(jsonPath("$.outputs[0].shape").value(org.hamcrest.Matchers.contains(-1, 10)));
    }

    @Test
    void shouldAnswer404InTheProtocolShapeForAnUnknownModel() throws Exception {
        mvc.perform(get("/v2/models/cifar"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("unknown model 'cifar'")));
    }

    @Test
    void shouldInferFlatTensorsAndReturnProbabilities() throws Exception {
        int[] digits = {3, 8, 0};
        List<float[]> images = new ArrayList<>();
        for (int digit : digits) {
            images.add(MnistPreprocessor.toMnist(
                    DigitDrawings.draw(digit, "DejaVuSans.ttf", 140, 100, 0.5, 0.5, 3).image()));
        }
        String body = "{\"id\":\"req-42\",\"inputs\":[{\"name\":\"input\",\"shape\":[3,784],\"datatype\":\"FP32\","
                + "\"data\":" + flat(images) + "}],\"outputs\":[{\"name\":\"probabilities\"}]}";
        MvcResult result = mvc.perform(post("/v2/models/mnist/infer").contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.model_name").value("mnist"))
                .andExpect(jsonPath("$.model_version").value(ShippedModels.ENSEMBLE))
                .andExpect(jsonPath("$.id").value("req-42"))
                .andExpect(jsonPath("$.outputs[0].name").value("probabilities"))
                .andExpect(jsonPath("$.outputs[0].datatype").value("FP32"))
                .andExpect(jsonPath("$.outputs[0].shape").value(org.hamcrest.Matchers.contains(3, 10)))
                .andExpect(jsonPath("$.outputs[0].data.length()").value(30))
                .andReturn();
        JsonNode data = JSON.readTree(result.getResponse().getContentAsString()).get("outputs").get(0).get("data");
        for (int i = 0; i < digits.length; i++) {
            double sum = 0;
            int best = 0;
            for (int c = 0; c < 10; c++) {
                double p = data.get(i * 10 + c).asDouble();
                sum += p;
                if (p > data.get(i * 10 + best).asDouble()) {
                    best = c;
                }
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(best).as("digit %d", digits[i]).isEqualTo(digits[i]);
        }
    }

    @Test
    void shouldInferNestedNchwTensors() throws Exception {
        float[] seven = MnistPreprocessor.toMnist(DigitDrawings.draw(7, "DejaVuSans.ttf", 100, 80, 0.5, 0.5, 2).image());
        StringBuilder nested = new StringBuilder("[[[");
        for (int row = 0; row < 28; row++) {
            nested.append(row == 0 ? "[" : ",[");
            for (int col = 0; col < 28; col++) {
                nested.append(col == 0 ? "" : ",").append(seven[row * 28 + col]);
            }
            nested.append(']');
        }
        nested.append("]]]");
        mvc.perform(post("/v2/models/mnist/infer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1,28,28],\"datatype\":\"FP32\","
                                + "\"data\":" + nested + "}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outputs[0].shape").value(org.hamcrest.Matchers.contains(1, 10)))
                .andExpect(jsonPath("$.outputs[0].data[7]").value(closeTo(1.0, 0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong datatype|{\"inputs\":[{\"name\":\"input\",\"shape\":[1,784],\"datatype\":\"INT32\",\"data\":ZEROS}]}|FP32 is required",
            "wrong shape|{\"inputs\":[{\"name\":\"input\",\"shape\":[1,100],\"datatype\":\"FP32\",\"data\":ZEROS}]}|expected [N,1,28,28] or [N,784]",
            "too few values|{\"inputs\":[{\"name\":\"input\",\"shape\":[2,784],\"datatype\":\"FP32\",\"data\":ZEROS}]}|needs 1568",
            "too many images|{\"inputs\":[{\"name\":\"input\",\"shape\":[9,784],\"datatype\":\"FP32\",\"data\":ZEROS}]}|1 to 8 are accepted",
            "non-number|{\"inputs\":[{\"name\":\"input\",\"shape\":[1,784],\"datatype\":\"FP32\",\"data\":[\"x\"]}]}|non-number",
            "out of range|{\"inputs\":[{\"name\":\"input\",\"shape\":[1,784],\"datatype\":\"FP32\",\"data\":[255]}]}|must be in [0, 1]",
            "no inputs|{\"inputs\":[]}|'inputs'",
            "two inputs|{\"inputs\":[INPUT,INPUT]}|exactly one input",
            "unknown output|{\"inputs\":[INPUT],\"outputs\":[{\"name\":\"logits\"}]}|unknown output 'logits'",
            "malformed JSON|{\"inputs\":[|malformed request body"})
    void shouldAnswer400WithAnErrorField(String name, String body, String expected) throws Exception {
        String zeros = java.util.Arrays.toString(new float[784]);
        String input = "{\"name\":\"input\",\"shape\":[1,784],\"datatype\":\"FP32\",\"data\":" + zeros + "}";
        mvc.perform(post("/v2/models/mnist/infer").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("ZEROS", zeros).replace("INPUT", input)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString(expected)));
    }

    @Test
    void shouldRejectAnUnknownInputNameAsTheProtocolsServersDo() throws Exception {
        String zeros = java.util.Arrays.toString(new float[784]);
        mvc.perform(post("/v2/models/mnist/infer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,784],\"datatype\":\"FP32\","
                                + "\"data\":" + zeros + "}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("unknown input 'pixels'")))
                .andExpect(jsonPath("$.error", containsString("'input'")));
    }

    @Test
    void shouldDescribeEveryVersionFoundOnItsVersionPath() throws Exception {
        for (String version : List.of(ShippedModels.ENSEMBLE, ShippedModels.SINGLE, "1.0-single")) {
            mvc.perform(get("/v2/models/mnist/versions/" + version))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("mnist"))
                    .andExpect(jsonPath("$.versions").value(org.hamcrest.Matchers.contains(version)))
                    .andExpect(jsonPath("$.inputs[0].name").value("input"))
                    .andExpect(jsonPath("$.outputs[0].name").value("probabilities"));
        }
        mvc.perform(get("/v2/models/mnist/versions/9.9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("no version '9.9'")));
    }

    @Test
    void shouldBeReadyOnlyOnTheVersionThatServes() throws Exception {
        mvc.perform(get("/v2/models/mnist/versions/" + ShippedModels.ENSEMBLE + "/ready"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ready").value(true));
        mvc.perform(get("/v2/models/mnist/versions/" + ShippedModels.SINGLE + "/ready"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.ready").value(false));
        mvc.perform(get("/v2/models/cifar/versions/1/ready"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("unknown model 'cifar'")));
    }

    @Test
    void shouldInferOnTheVersionPathOfTheServingVersionAndRefuseAnother() throws Exception {
        float[] three = MnistPreprocessor.toMnist(DigitDrawings.draw(3, "DejaVuSans.ttf", 140, 100, 0.5, 0.5, 3)
                .image());
        String body = "{\"id\":\"v-1\",\"inputs\":[{\"name\":\"input\",\"shape\":[1,784],\"datatype\":\"FP32\","
                + "\"data\":" + flat(List.of(three)) + "}]}";
        mvc.perform(post("/v2/models/mnist/versions/" + ShippedModels.ENSEMBLE + "/infer")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model_version").value(ShippedModels.ENSEMBLE))
                .andExpect(jsonPath("$.id").value("v-1"))
                .andExpect(jsonPath("$.outputs[0].data[3]").value(closeTo(1.0, 0.5)));
        mvc.perform(post("/v2/models/mnist/versions/" + ShippedModels.SINGLE + "/infer")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("'1.1-single'")))
                .andExpect(jsonPath("$.error", containsString("is not loaded")));
        mvc.perform(post("/v2/models/mnist/versions/9.9/infer").contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
    }

    private static String flat(List<float[]> images) {
        StringBuilder out = new StringBuilder("[");
        for (float[] image : images) {
            for (float v : image) {
                out.append(out.length() == 1 ? "" : ",").append(v);
            }
        }
        return out.append(']').toString();
    }
}
