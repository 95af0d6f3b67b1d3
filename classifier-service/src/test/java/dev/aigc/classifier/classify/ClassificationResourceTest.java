package dev.aigc.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.aigc.classifier.ClassifierProperties;
import dev.aigc.classifier.DigitDrawings;
import dev.aigc.serving.testing.DigitRenderer;
import dev.aigc.serving.batch.QueueFullException;
import dev.aigc.serving.image.ImageDecoder;
import dev.aigc.serving.image.MnistPreprocessor;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import dev.aigc.serving.web.ServingWebAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The classification endpoints' HTTP contract: every input form, and a ProblemDetail naming the problem for each
 * kind of bad input. The classifier itself is mocked here (the real model is exercised by ClassifierApplicationTest);
 * image decoding and preprocessing are the real ones.
 */
@WebMvcTest(ClassificationResource.class)
@Import({ImageInputs.class, ClassificationResourceTest.Config.class})
@ImportAutoConfiguration(ServingWebAutoConfiguration.class)
@TestPropertySource(properties = {
        "classifier.limits.max-batch-images=4",
        "classifier.limits.image.max-bytes=200000"})
class ClassificationResourceTest {

    @TestConfiguration
    @EnableConfigurationProperties(ClassifierProperties.class)
    static class Config {
        @Bean
        ImageDecoder imageDecoder(ClassifierProperties properties) {
            return new ImageDecoder(properties.limits().image());
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ImageDecoder decoder;

    @MockitoBean
    DigitClassifier classifier;

    static final byte[] SEVEN = DigitDrawings.draw(7, "DejaVuSans.ttf", 200, 140, 0.5, 0.5, 0).png();

    @BeforeEach
    void scores() {
        float[] p = new float[10];
        p[7] = 0.9f;
        p[1] = 0.07f;
        p[2] = 0.03f;
        Scores scores = new Scores(p, "1.1-ensemble", true);
        when(classifier.classify(any(float[].class))).thenReturn(scores);
        when(classifier.classify(anyList())).thenAnswer(call -> Collections.nCopies(
                ((List<?>) call.getArgument(0)).size(), scores));
    }

    @Test
    void shouldClassifyMultipartUploadWithTopK() throws Exception {
        mvc.perform(multipart("/api/v1/classifications").file(new MockMultipartFile("image", "seven.png",
                        "image/png", SEVEN)).param("k", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digit").value(7))
                .andExpect(jsonPath("$.probability").value(0.9))
                .andExpect(jsonPath("$.top.length()").value(2))
                .andExpect(jsonPath("$.top[1].digit").value(1))
                .andExpect(jsonPath("$.modelVersion").value("1.1-ensemble"))
                .andExpect(jsonPath("$.ensemble").value(true));
    }

    @ParameterizedTest
    @CsvSource({"png,image/png", "jpeg,image/jpeg", "gif,image/gif", "bmp,image/bmp"})
    void shouldClassifyRawImageBodyInEveryFormat(String format, String contentType) throws Exception {
        byte[] bytes = DigitRenderer.encode(DigitDrawings.draw(3, "DejaVuSans.ttf", 120, 90, 0.5, 0.5, 0).image(),
                format);
        mvc.perform(post("/api/v1/classifications").contentType(contentType).content(bytes))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digit").value(7))
                .andExpect(jsonPath("$.top.length()").value(3));
    }

    @Test
    void shouldClassifyJsonPixelsAndPassThemUnchanged() throws Exception {
        float[] pixels = new float[784];
        pixels[300] = 1f;
        pixels[301] = 0.5f;
        mvc.perform(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pixels\":" + Arrays.toString(pixels) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digit").value(7));
        verify(classifier).classify(org.mockito.ArgumentMatchers.<float[]>argThat(p -> p[300] == 1f && p[301] == 0.5f));
    }

    @Test
    void shouldClassifyJsonBase64Image() throws Exception {
        mvc.perform(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"imageBase64\":\"" + Base64.getEncoder().encodeToString(SEVEN) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.modelVersion").value("1.1-ensemble"));
    }

    @Test
    void shouldClassifyMultipartBatchInOrder() throws Exception {
        mvc.perform(multipart("/api/v1/classifications/batch")
                        .file(new MockMultipartFile("images", "a.png", "image/png", SEVEN))
                        .file(new MockMultipartFile("images", "b.png", "image/png", SEVEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.results[1].digit").value(7));
    }

    @Test
    void shouldClassifyJsonBatch() throws Exception {
        String item = "{\"imageBase64\":\"" + Base64.getEncoder().encodeToString(SEVEN) + "\"}";
        mvc.perform(post("/api/v1/classifications/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + item + "," + item + "," + item + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(3));
    }

    @Test
    void shouldReturnThePreprocessedInputOnlyWhenAskedFor() throws Exception {
        mvc.perform(multipart("/api/v1/classifications").file(new MockMultipartFile("image", "seven.png",
                        "image/png", SEVEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preprocessed").doesNotExist());

        String body = mvc.perform(multipart("/api/v1/classifications").file(new MockMultipartFile("image",
                        "seven.png", "image/png", SEVEN)).param("preprocessed", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digit").value(7))
                .andReturn().getResponse().getContentAsString();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(JsonPath.<String>read(body, "$.preprocessed"))));
        assertThat(png.getWidth()).isEqualTo(28);
        assertThat(png.getHeight()).isEqualTo(28);

        // the PNG holds exactly the floats handed to the model, as 8-bit gray (white ink on black)
        float[] expected = MnistPreprocessor.toMnist(decoder.decode(SEVEN));
        verify(classifier, org.mockito.Mockito.atLeastOnce()).classify(
                org.mockito.ArgumentMatchers.<float[]>argThat(p -> Arrays.equals(p, expected)));
        int[] gray = png.getRaster().getPixels(0, 0, 28, 28, (int[]) null);
        for (int i = 0; i < 784; i++) {
            assertThat(gray[i]).as("pixel %d", i).isEqualTo(Math.round(expected[i] * 255f));
        }
        assertThat(gray[0]).as("background is black").isZero();
        assertThat(Arrays.stream(gray).max().orElseThrow()).as("the brightest ink is white").isEqualTo(255);
    }

    @Test
    void shouldReturnThePreprocessedInputForRawAndJsonBodies() throws Exception {
        mvc.perform(post("/api/v1/classifications").param("preprocessed", "true").contentType("image/png")
                        .content(SEVEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preprocessed", notNullValue()));
        mvc.perform(post("/api/v1/classifications").param("preprocessed", "true")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"imageBase64\":\"" + Base64.getEncoder().encodeToString(SEVEN) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preprocessed", notNullValue()));
    }

    // ---- bad input: each one a 4xx ProblemDetail naming the problem ----

    @Test
    void shouldRejectNonImageBytes() throws Exception {
        problem(post("/api/v1/classifications").contentType("image/png")
                .content("this is plain text, not a picture".getBytes(StandardCharsets.UTF_8)), 415,
                "Unsupported image type");
    }

    @Test
    void shouldRejectTruncatedPng() throws Exception {
        byte[] truncated = Arrays.copyOf(SEVEN, SEVEN.length / 2);
        problem(post("/api/v1/classifications").contentType("image/png").content(truncated), 400, "Invalid image");
    }

    @Test
    void shouldRejectEmptyBody() throws Exception {
        problem(post("/api/v1/classifications").contentType("image/png").content(new byte[0]), 400, "Invalid image")
                .andExpect(jsonPath("$.detail", containsString("empty")));
    }

    @Test
    void shouldRejectZeroSizedImage() throws Exception {
        problem(post("/api/v1/classifications").contentType("image/png").content(ClassificationResourceTestSupport.pngHeader(0, 0)), 400,
                "Invalid image");
    }

    @Test
    void shouldRejectHeaderClaiming50000By50000BeforeDecoding() throws Exception {
        problem(post("/api/v1/classifications").contentType("image/png").content(ClassificationResourceTestSupport.pngHeader(50_000, 50_000)), 413,
                "Image too large");
    }

    @Test
    void shouldRejectWrongContentType() throws Exception {
        problem(post("/api/v1/classifications").contentType(MediaType.TEXT_PLAIN).content("7"), 415, null);
    }

    @Test
    void shouldRejectRawBodyOverTheSizeLimit() throws Exception {
        problem(post("/api/v1/classifications").contentType("image/png").content(new byte[200_001]), 413,
                "Image too large");
    }

    @Test
    void shouldRejectUploadOverTheSizeLimit() throws Exception {
        problem(multipart("/api/v1/classifications").file(new MockMultipartFile("image", "big.png", "image/png",
                new byte[200_001])), 413, "Image too large");
    }

    @Test
    void shouldRejectMissingUploadPart() throws Exception {
        problem(multipart("/api/v1/classifications").file(new MockMultipartFile("picture", "x.png", "image/png",
                SEVEN)), 400, "Missing request part")
                .andExpect(jsonPath("$.errors[0].field").value("image"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 783, 785})
    void shouldRejectPixelsOfTheWrongLength(int length) throws Exception {
        problem(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"pixels\":" + Arrays.toString(new float[length]) + "}"), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("pixels"))
                .andExpect(jsonPath("$.detail", containsString("784")));
    }

    @Test
    void shouldRejectNaNPixels() throws Exception {
        String values = Arrays.toString(new float[783]).replace("]", ", \"NaN\"]");
        problem(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"pixels\":" + values + "}"), 400, null)
                .andExpect(jsonPath("$.detail", containsString("pixels[783]")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1"})
    void shouldRejectOutOfRangePixels(String value) throws Exception {
        String values = Arrays.toString(new float[783]).replace("]", ", " + value + "]");
        problem(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"pixels\":" + values + "}"), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("pixels[783]"));
    }

    @Test
    void shouldRejectJsonWithBothOrNeitherInput() throws Exception {
        problem(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON).content("{}"), 400,
                "Invalid request")
                .andExpect(jsonPath("$.detail", containsString("exactly one of 'pixels' or 'imageBase64'")));
        problem(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"pixels\":" + Arrays.toString(new float[784]) + ",\"imageBase64\":\"AAAA\"}"), 400,
                "Invalid request");
    }

    @Test
    void shouldRejectInvalidBase64() throws Exception {
        problem(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"imageBase64\":\"%%% not base64 %%%\"}"), 400, "Invalid image")
                .andExpect(jsonPath("$.detail", containsString("Base64")));
    }

    @Test
    void shouldRejectMalformedJson() throws Exception {
        problem(post("/api/v1/classifications").contentType(MediaType.APPLICATION_JSON).content("{\"pixels\": [0,"),
                400, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "-1"})
    void shouldRejectKOutOfRange(String k) throws Exception {
        problem(multipart("/api/v1/classifications").file(new MockMultipartFile("image", "seven.png", "image/png",
                SEVEN)).param("k", k), 400, "Invalid request parameter")
                .andExpect(jsonPath("$.detail", containsString("'k' must be between 1 and 10")));
    }

    @Test
    void shouldRejectNonNumericK() throws Exception {
        problem(post("/api/v1/classifications").param("k", "three").contentType("image/png").content(SEVEN), 400,
                "Invalid request parameter")
                .andExpect(jsonPath("$.errors[0].field").value("k"));
    }

    @Test
    void shouldRejectBatchOverItsLimit() throws Exception {
        var request = multipart("/api/v1/classifications/batch");
        for (int i = 0; i < 5; i++) {
            request.file(new MockMultipartFile("images", i + ".png", "image/png", SEVEN));
        }
        problem(request, 413, "Too many images").andExpect(jsonPath("$.detail", containsString("at most 4")));
        verify(classifier, never()).classify(anyList());
    }

    @Test
    void shouldRejectEmptyJsonBatch() throws Exception {
        problem(post("/api/v1/classifications/batch").contentType(MediaType.APPLICATION_JSON).content("{\"items\":[]}"),
                400, "Invalid request").andExpect(jsonPath("$.errors[0].field").value("items"));
    }

    @Test
    void shouldRejectANullBatchItemWith400NamingIt() throws Exception {
        problem(post("/api/v1/classifications/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"imageBase64\":\"x\"}, null]}"), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("items[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be null"));
        problem(post("/api/v1/classifications/batch").contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":null}"), 400, "Invalid request");
        verify(classifier, never()).classify(anyList());
    }

    @Test
    void shouldCountABatchBeforeValidatingItsItems() throws Exception {
        String invalid = String.join(",", Collections.nCopies(10_000, "{\"pixels\":[2]}"));
        String body = mvc.perform(post("/api/v1/classifications/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + invalid + "]}"))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.title").value("Too many images"))
                .andExpect(jsonPath("$.detail").value("10000 images in one request; at most 4 are accepted"))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(body.length()).isLessThan(1_000);
    }

    @Test
    void shouldCapTheListedViolationsOfAnAllowedBatch() throws Exception {
        // 4 items (the limit) with 784 bad pixels each: 20 listed, the rest counted
        String pixels = String.join(",", Collections.nCopies(784, "2"));
        String items = String.join(",", Collections.nCopies(4, "{\"pixels\":[" + pixels + "]}"));
        String body = mvc.perform(post("/api/v1/classifications/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + items + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(20))
                .andExpect(jsonPath("$.errorCount").value(4 * 784))
                .andExpect(jsonPath("$.errors[0].field").value(containsString("items[0].pixels[")))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(body.length()).isLessThan(4_000);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheQueueIsFull() throws Exception {
        when(classifier.classify(any(float[].class))).thenThrow(new QueueFullException("mnist", 1024, 2));
        problem(post("/api/v1/classifications").contentType("image/png").content(SEVEN), 503, "Server busy")
                .andExpect(header().string("Retry-After", "2"));
    }

    private ResultActions problem(org.springframework.test.web.servlet.RequestBuilder request, int status,
            String title) throws Exception {
        ResultActions result = mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail", notNullValue()))
                .andExpect(jsonPath("$.requestId", notNullValue()));
        if (title != null) {
            result.andExpect(jsonPath("$.title").value(title));
        }
        return result;
    }
}
