package dev.aigc.nlp.generate;

import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ModelsApiAutoConfiguration;
import dev.aigc.serving.web.ServingWebAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shared models API (serving-support) as nlp-qa configures it, over a real registry holding the shipped weights
 * as v1 and v2.
 */
@WebMvcTest(GenerationController.class)
@ImportAutoConfiguration({ServingWebAutoConfiguration.class, ModelsApiAutoConfiguration.class})
@Import(ModelsApiTests.Config.class)
class ModelsApiTests {

    private static final String GENERATION = "{\"prompt\":\"今天天气很好。\",\"maxTokens\":20,\"seed\":5}";

    @TestConfiguration
    static class Config {

        @Bean(destroyMethod = "close")
        ModelRegistry<LanguageModel> charLmModels() throws IOException {
            return CharLmVersions.startedRegistry();
        }

        @Bean
        TextGenerator textGenerator(ModelRegistry<LanguageModel> charLmModels) {
            return new TextGenerator(charLmModels);
        }

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService generationExecutor() {
            return Executors.newFixedThreadPool(1);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ModelRegistry<LanguageModel> registry;

    @AfterEach
    void restore() {
        registry.activate(CharLmVersions.SHIPPED);
    }

    @Test
    void shouldListVersionsWithTheirCardsAndTheActiveOne() throws Exception {
        mvc.perform(get("/api/v1/nlp/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value("v1"))
                .andExpect(jsonPath("$.versions[*].version").value(contains("v1", "v2")))
                .andExpect(jsonPath("$.versions[*].active").value(contains(true, false)))
                .andExpect(jsonPath("$.versions[0].card.name").value("charlm"))
                .andExpect(jsonPath("$.versions[0].card.metrics.validationPerplexity").isNumber())
                .andExpect(jsonPath("$.versions[0].card.details.vocabSize").value(3000))
                .andExpect(jsonPath("$.versions[0].card.training.epochs").value(3));
    }

    @Test
    void shouldShowOneVersionWithItsCard() throws Exception {
        mvc.perform(get("/api/v1/nlp/models/v2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("v2"))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.card.version").value("v2"))
                .andExpect(jsonPath("$.card.dataset").value(containsString("fortunes-zh")))
                .andExpect(jsonPath("$.card.createdAt").isString());
    }

    @Test
    void shouldAnswer404ForAnUnknownVersion() throws Exception {
        mvc.perform(get("/api/v1/nlp/models/v9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Model charlm has no version 'v9'; available: [v1, v2]"))
                .andExpect(jsonPath("$.requestId").isString());
    }

    @Test
    void shouldAnswer404WhenActivatingAnUnknownVersionAndKeepTheActiveOne() throws Exception {
        mvc.perform(post("/api/v1/nlp/models/v9/activate"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail", containsString("'v9'")))
                .andExpect(jsonPath("$.requestId").isString());
        mvc.perform(get("/api/v1/nlp/models")).andExpect(jsonPath("$.active").value("v1"));
    }

    @Test
    void shouldActivateAnotherVersionAndKeepGenerating() throws Exception {
        String before = mvc.perform(post("/api/v1/nlp/generations").contentType(MediaType.APPLICATION_JSON)
                        .content(GENERATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("charlm:v1"))
                .andReturn().getResponse().getContentAsString();
        var previous = registry.active();

        mvc.perform(post("/api/v1/nlp/models/v2/activate"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("v2"))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(get("/api/v1/nlp/models"))
                .andExpect(jsonPath("$.active").value("v2"))
                .andExpect(jsonPath("$.versions[*].active").value(contains(false, true)));

        String after = mvc.perform(post("/api/v1/nlp/generations").contentType(MediaType.APPLICATION_JSON)
                        .content(GENERATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("charlm:v2"))
                .andExpect(jsonPath("$.tokens").value(20))
                .andReturn().getResponse().getContentAsString();
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(after).get("text").asString()).as("v2 holds the same weights, same seed")
                .isEqualTo(json.readTree(before).get("text").asString());
        assertThat(previous.isClosed()).as("v1 closed once no generation used it").isTrue();
    }
}
