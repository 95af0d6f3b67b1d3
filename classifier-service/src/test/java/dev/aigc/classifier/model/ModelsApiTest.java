package dev.aigc.classifier.model;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.djl.Device;
import ai.djl.Model;
import dev.aigc.classifier.ShippedModels;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ModelsApiAutoConfiguration;
import dev.aigc.serving.web.ServingWebAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The shared models API (serving-support) as the classifier configures it, over the real registry of the shipped versions. */
@WebMvcTest(useDefaultFilters = false)
@ImportAutoConfiguration({ServingWebAutoConfiguration.class, ModelsApiAutoConfiguration.class})
@Import(ModelsApiTest.Config.class)
class ModelsApiTest {

    @TestConfiguration
    static class Config {
        @Bean(initMethod = "start", destroyMethod = "close")
        ModelRegistry<Model> mnistModels() {
            return new ModelRegistry<>("mnist", "classpath:models/mnist",
                    (dir, card) -> MnistModel.load(dir, card, Device.cpu()), ShippedModels.ENSEMBLE);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ModelRegistry<Model> registry;

    @AfterEach
    void restore() {
        registry.activate(ShippedModels.ENSEMBLE);
    }

    @Test
    void shouldListVersionsWithTheirCardsAndTheActiveOne() throws Exception {
        mvc.perform(get("/api/v1/classifier/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(ShippedModels.ENSEMBLE))
                .andExpect(jsonPath("$.versions[*].version").value(hasItems(ShippedModels.SINGLE, ShippedModels.ENSEMBLE)))
                .andExpect(jsonPath("$.versions[?(@.version == '" + ShippedModels.ENSEMBLE + "')].active").value(true))
                .andExpect(jsonPath("$.versions[0].card.metrics.testAccuracy").isNumber());
    }

    @Test
    void shouldShowOneVersionWithItsCard() throws Exception {
        mvc.perform(get("/api/v1/classifier/models/" + ShippedModels.SINGLE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(ShippedModels.SINGLE))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.card.dataset").isString())
                .andExpect(jsonPath("$.card.metrics.testAccuracy").value(greaterThanOrEqualTo(0.99)))
                .andExpect(jsonPath("$.card.metrics.perClassTestAccuracy.7").isNumber())
                .andExpect(jsonPath("$.card.training.epochs").isNumber())
                .andExpect(jsonPath("$.card.details.members.length()").value(1));
    }

    @Test
    void shouldAnswer404ForAnUnknownVersion() throws Exception {
        mvc.perform(get("/api/v1/classifier/models/9.9-nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("Model mnist has no version '9.9-nope'; available: ["),
                        org.hamcrest.Matchers.containsString(ShippedModels.SINGLE),
                        org.hamcrest.Matchers.containsString(ShippedModels.ENSEMBLE))))
                .andExpect(jsonPath("$.requestId").isString());
    }

    @Test
    void shouldActivateAnotherVersion() throws Exception {
        mvc.perform(post("/api/v1/classifier/models/" + ShippedModels.SINGLE + "/activate"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(ShippedModels.SINGLE))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(get("/api/v1/classifier/models"))
                .andExpect(jsonPath("$.active").value(ShippedModels.SINGLE));
    }

    @Test
    void shouldAnswer404WhenActivatingAnUnknownVersion() throws Exception {
        mvc.perform(post("/api/v1/classifier/models/9.9-nope/activate"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("9.9-nope")));
        mvc.perform(get("/api/v1/classifier/models"))
                .andExpect(jsonPath("$.active").value(ShippedModels.ENSEMBLE));
    }
}
