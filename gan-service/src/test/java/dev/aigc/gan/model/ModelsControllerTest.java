package dev.aigc.gan.model;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.web.ApiException;
import dev.aigc.serving.web.ServingWebAutoConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ModelsController.class)
@ImportAutoConfiguration(ServingWebAutoConfiguration.class)
class ModelsControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelRegistry<GanGenerator> models;

    @Test
    void shouldListVersionsWithCardsAndTheActiveOne() throws Exception {
        ModelCard card = new ModelCard("cdcgan", "v1", Instant.parse("2026-01-01T00:00:00Z"), "MNIST", Map.of(),
                Map.of("classAgreement", 0.98), Map.of("architecture", "cdcgan"));
        when(models.versions()).thenReturn(List.of(card));
        when(models.activeVersion()).thenReturn(Optional.of("v1"));

        mvc.perform(get("/api/v1/gan/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value("v1"))
                .andExpect(jsonPath("$.versions[0].metrics.classAgreement").value(0.98));
    }

    @Test
    void shouldAnswerNotFoundWhenActivatingAnUnknownVersion() throws Exception {
        when(models.activate("nope")).thenThrow(ApiException.notFound("Model cdcgan has no version 'nope'"));

        mvc.perform(post("/api/v1/gan/models/nope/activate"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Model cdcgan has no version 'nope'"));
    }
}
