package dev.aigc.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.aigc.serving.data.MnistData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The whole service with the shipped generator: real generation over HTTP and a real (two-batch) training job. */
@SpringBootTest(properties = {"gan.training.evaluation-samples=100", "gan.training.nearest-samples=10"})
@AutoConfigureMockMvc
class GanServiceIntegrationTest {

    private static final Path MODELS;

    static {
        try {
            MODELS = Files.createTempDirectory("gan-models-test-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("gan.models.location", MODELS::toString);
    }

    @BeforeAll
    static void requireShippedModel() throws Exception {
        Assumptions.assumeTrue(new PathMatchingResourcePatternResolver()
                .getResources("classpath*:models/cdcgan/*/model-card.json").length > 0,
                "no generator shipped yet under models/cdcgan (run train.sh)");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void shouldGenerateIdenticalImagesForTheSameSeedAndDifferentOnesForAnother() throws Exception {
        String a = pixels(4, 3, 99);
        String b = pixels(4, 3, 99);
        String c = pixels(4, 3, 100);

        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        List<Integer> first = JsonPath.read(a, "$.images[0].pixels");
        assertThat(first).hasSize(784);
        assertThat(first.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(200);
    }

    @Test
    void shouldServeAGridSizedByDigitsAndPerDigit() throws Exception {
        byte[] png = mvc.perform(get("/api/v1/gan/grid.png?digits=0123456789&perDigit=8&seed=42"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(8 * 58 + 2);
        assertThat(image.getHeight()).isEqualTo(10 * 58 + 2);
    }

    @Test
    void shouldInterpolateBetweenTwoDigits() throws Exception {
        mvc.perform(post("/api/v1/gan/interpolations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":{\"digit\":1,\"seed\":7},\"to\":{\"digit\":7,\"seed\":9},\"steps\":5,"
                                + "\"format\":\"json\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frames.length()").value(5));
    }

    @Test
    void shouldRunATrainingJobThatAddsAnInactiveVersionAndRefuseASecondMeanwhile() throws Exception {
        Assumptions.assumeTrue(MnistData.locate().isPresent(), "MNIST not found: run scripts/fetch-mnist.sh");
        String active = JsonPath.read(mvc.perform(get("/api/v1/gan/models")).andReturn().getResponse()
                .getContentAsString(), "$.active");
        MvcResult started = mvc.perform(post("/api/v1/gan/training-jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"epochs\":1,\"batchSize\":16,\"maxBatchesPerEpoch\":2,\"startFrom\":\"" + active
                                + "\"}"))
                .andExpect(status().isAccepted()).andReturn();
        String location = started.getResponse().getHeader("Location");
        mvc.perform(post("/api/v1/gan/training-jobs").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());

        String state = await(location);
        String job = mvc.perform(get(location)).andReturn().getResponse().getContentAsString();
        assertThat(state).as(job).isEqualTo("SUCCEEDED");
        String version = JsonPath.read(job, "$.resultVersion");
        assertThat((Double) JsonPath.read(job, "$.progressPercent")).isEqualTo(100.0);
        assertThat((Double) JsonPath.read(job, "$.metrics.inceptionScore")).isPositive();
        mvc.perform(get(location + "/grid.png")).andExpect(status().isOk());

        mvc.perform(get("/api/v1/gan/models"))
                .andExpect(jsonPath("$.active").value(active))
                .andExpect(jsonPath("$.versions[?(@.version == '" + version + "')].active").value(false))
                .andExpect(jsonPath("$.versions[?(@.version == '" + version + "')].card.metrics.classAgreement")
                        .exists());
        mvc.perform(post("/api/v1/gan/models/" + version + "/activate"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(get("/api/v1/gan/models")).andExpect(jsonPath("$.active").value(version));
        mvc.perform(post("/api/v1/gan/models/" + active + "/activate"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(active));
        mvc.perform(delete(location)).andExpect(status().isConflict());
    }

    @Test
    void shouldCancelARunningJobWithoutAddingAVersion() throws Exception {
        Assumptions.assumeTrue(MnistData.locate().isPresent(), "MNIST not found: run scripts/fetch-mnist.sh");
        awaitNoActiveJob();
        int before = versionCount();
        String location = mvc.perform(post("/api/v1/gan/training-jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"epochs\":50,\"batchSize\":16}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");

        mvc.perform(delete(location)).andExpect(status().isAccepted());

        assertThat(await(location)).isEqualTo("CANCELLED");
        assertThat(versionCount()).isEqualTo(before);
    }

    private int versionCount() throws Exception {
        List<?> versions = JsonPath.read(mvc.perform(get("/api/v1/gan/models")).andReturn().getResponse()
                .getContentAsString(), "$.versions");
        return versions.size();
    }

    private void awaitNoActiveJob() throws Exception {
        List<String> states = JsonPath.read(mvc.perform(get("/api/v1/gan/training-jobs")).andReturn().getResponse()
                .getContentAsString(), "$[*].state");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (states.stream().anyMatch(s -> List.of("QUEUED", "RUNNING", "EVALUATING").contains(s))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            states = JsonPath.read(mvc.perform(get("/api/v1/gan/training-jobs")).andReturn().getResponse()
                    .getContentAsString(), "$[*].state");
        }
    }

    private String await(String location) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            String state = JsonPath.read(mvc.perform(get(location)).andReturn().getResponse().getContentAsString(),
                    "$.state");
            if (!List.of("QUEUED", "RUNNING", "EVALUATING").contains(state) || Instant.now().isAfter(deadline)) {
                return state;
            }
            Thread.sleep(200);
        }
    }

    private String pixels(int count, int digit, long seed) throws Exception {
        return mvc.perform(post("/api/v1/gan/generations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"count\":" + count + ",\"digit\":" + digit + ",\"seed\":" + seed
                                + ",\"format\":\"pixels\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()
                .replaceAll("\"version\":\"[^\"]*\"", "");
    }
}
