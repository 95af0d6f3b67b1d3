package dev.aigc.career;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.aigc.career.catalogue.CatalogueRepository;
import dev.aigc.career.questionnaire.QuestionnaireRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class CareerApplicationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    QuestionnaireRepository questionnaires;

    @Autowired
    CatalogueRepository catalogues;

    @Autowired
    CareerProperties properties;

    @Test
    void shouldStartWithValidatedDataFiles() throws Exception {
        assertThat(properties.questionnaireVersion()).isEqualTo("v1");
        assertThat(questionnaires.current().version()).isEqualTo("v1");
        assertThat(catalogues.catalogue().roles()).hasSize(5);
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.careerData.details.catalogueVersion").value("v1"));
    }

    @Test
    void shouldEchoTheRequestId() throws Exception {
        mvc.perform(get("/api/v1/career/roles").header("X-Request-Id", "career-test-1"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", "career-test-1"));
    }

    @Test
    void shouldPublishOpenApiExamplesThatWorkInTryItOut() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode paths = json.readTree(docs).get("paths");
        List<String> tried = new ArrayList<>();
        for (String path : List.of("/api/v1/career/assessments", "/api/v1/career/recommendations")) {
            JsonNode examples = paths.get(path).get("post").get("requestBody").get("content")
                    .get("application/json").get("examples");
            for (Map.Entry<String, JsonNode> example : examples.properties()) {
                JsonNode value = example.getValue().get("value");
                String body = value.isString() ? value.asString() : json.writeValueAsString(value);
                mvc.perform(post(path).param("lang", "en").contentType(MediaType.APPLICATION_JSON).content(body))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.language").value("en"))
                        .andExpect(jsonPath("$.disclaimer", not(emptyOrNullString())));
                tried.add(path + " " + example.getKey());
            }
        }
        assertThat(tried).hasSize(5);
        assertThat(paths.get("/api/v1/career/questionnaires/current")).isNotNull();
        assertThat(paths.get("/api/v1/career/roles/{id}")).isNotNull();
    }
}
