package dev.aigc.gan.generate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.aigc.serving.web.ServingWebAutoConfiguration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of generation: shapes of good answers and a 400 ProblemDetail for each bad input. */
@WebMvcTest(GenerationController.class)
@ImportAutoConfiguration(ServingWebAutoConfiguration.class)
class GenerationControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DigitGenerator generator;

    private static DigitGenerator.Drawn drawn(int count, int digit) {
        float[][] images = new float[count][784];
        for (float[] image : images) {
            image[400] = 1f;
        }
        int[] digits = new int[count];
        Arrays.fill(digits, digit);
        return new DigitGenerator.Drawn("v1", images, digits, 0.7);
    }

    @Test
    void shouldReturnBase64PngsWithTheirDigitAndSeed() throws Exception {
        when(generator.sample(3, 7, 42L, null)).thenReturn(drawn(3, 7));

        mvc.perform(post("/api/v1/gan/generations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"count\":3,\"digit\":7,\"seed\":42}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("v1"))
                .andExpect(jsonPath("$.seed").value(42))
                .andExpect(jsonPath("$.truncation").value(0.7))
                .andExpect(jsonPath("$.format").value("png"))
                .andExpect(jsonPath("$.images", hasSize(3)))
                .andExpect(jsonPath("$.images[2].digit").value(7))
                .andExpect(jsonPath("$.images[0].png", containsString("iVBORw0KGgo")));
    }

    @Test
    void shouldReturnRawPixelsAndPickASeedWhenNoneIsGiven() throws Exception {
        when(generator.sample(eq(1), isNull(), anyLong(), eq(1.0))).thenReturn(drawn(1, 4));

        mvc.perform(post("/api/v1/gan/generations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"format\":\"pixels\",\"truncation\":1.0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seed").isNumber())
                .andExpect(jsonPath("$.images[0].pixels", hasSize(784)))
                .andExpect(jsonPath("$.images[0].pixels[400]").value(255))
                .andExpect(jsonPath("$.images[0].png").doesNotExist());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"count\":0}",
        "{\"count\":257}",
        "{\"digit\":11}",
        "{\"digit\":-1}",
        "{\"seed\":\"abc\"}",
        "{\"format\":\"gif\"}",
        "{\"count\":\"many\"}",
        "{\"truncation\":0}",
        "{\"truncation\":1.5}",
        "not json"
    })
    void shouldRejectBadGenerationRequestsWithProblemDetail(String body) throws Exception {
        mvc.perform(post("/api/v1/gan/generations").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        verifyNoInteractions(generator);
    }

    @Test
    void shouldReturnOnePngGridWithARowPerDigit() throws Exception {
        when(generator.forDigits(any(), eq(42L))).thenReturn(drawn(6, 0));

        mvc.perform(get("/api/v1/gan/grid.png").param("digits", "07").param("perDigit", "3").param("seed", "42"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andExpect(header().string("X-Model-Version", "v1"));
        org.mockito.Mockito.verify(generator).forDigits(new int[] {0, 0, 0, 7, 7, 7}, 42L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits=12a", "digits=01234567890", "perDigit=0", "perDigit=17",
        "seed=abc", "perDigit=x"})
    void shouldRejectBadGridParametersWithProblemDetail(String query) throws Exception {
        mvc.perform(get("/api/v1/gan/grid.png?" + query).accept(MediaType.IMAGE_PNG, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(generator);
    }

    @Test
    void shouldReturnInterpolationsAsAStripOrAsJsonFrames() throws Exception {
        when(generator.interpolate(1, 7L, 8, 9L, 4)).thenReturn(drawn(4, 1));
        String body = "{\"from\":{\"digit\":1,\"seed\":7},\"to\":{\"digit\":8,\"seed\":9},\"steps\":4";

        mvc.perform(post("/api/v1/gan/interpolations").contentType(MediaType.APPLICATION_JSON).content(body + "}"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG));
        mvc.perform(post("/api/v1/gan/interpolations").contentType(MediaType.APPLICATION_JSON)
                        .content(body + ",\"format\":\"json\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frames", hasSize(4)))
                .andExpect(jsonPath("$.frames[3].t").value(1.0))
                .andExpect(jsonPath("$.frames[0].png", containsString("iVBORw0KGgo")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"from\":{\"digit\":1,\"seed\":7},\"to\":{\"digit\":8,\"seed\":9},\"steps\":1}",
        "{\"from\":{\"digit\":1,\"seed\":7},\"to\":{\"digit\":8,\"seed\":9},\"steps\":33}",
        "{\"from\":{\"digit\":1,\"seed\":7},\"to\":{\"digit\":10,\"seed\":9}}",
        "{\"from\":{\"digit\":1,\"seed\":7}}",
        "{\"from\":{\"digit\":1},\"to\":{\"digit\":2,\"seed\":9}}",
        "{\"from\":{\"digit\":1,\"seed\":\"x\"},\"to\":{\"digit\":2,\"seed\":9}}",
        "{\"from\":{\"digit\":1,\"seed\":7},\"to\":{\"digit\":8,\"seed\":9},\"format\":\"gif\"}"
    })
    void shouldRejectBadInterpolationsWithProblemDetail(String body) throws Exception {
        mvc.perform(post("/api/v1/gan/interpolations").contentType(MediaType.APPLICATION_JSON).content(body)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(generator);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\": 4.5}", "{\"count\": 1e39}", "{\"count\": \"many\"}", "{\"count\": [4]}",
        "{\"digit\": 7.0}"})
    void shouldRefuseCountsAndDigitsThatAreNotIntegers(String body) throws Exception {
        mvc.perform(post("/api/v1/gan/generations").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("must be an integer")))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("java."))));
        verifyNoInteractions(generator);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenGenerationIsFull() throws Exception {
        when(generator.sample(anyInt(), any(), anyLong(), any()))
                .thenThrow(new dev.aigc.serving.batch.QueueFullException("gan-generation", 8, 2));

        mvc.perform(post("/api/v1/gan/generations").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldAnswerServiceUnavailableWhenNoModelIsLoaded() throws Exception {
        when(generator.sample(anyInt(), any(), anyLong(), any()))
                .thenThrow(dev.aigc.serving.web.ApiException.unavailable("Model cdcgan is not loaded yet"));

        mvc.perform(post("/api/v1/gan/generations").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("Model cdcgan is not loaded yet"));
    }
}
