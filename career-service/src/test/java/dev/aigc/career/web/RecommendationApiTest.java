package dev.aigc.career.web;

import static dev.aigc.career.web.Bodies.answers;
import static dev.aigc.career.web.Bodies.body;
import static dev.aigc.career.web.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static dev.aigc.career.web.Bodies.field;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.aigc.career.Fixtures;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class RecommendationApiTest {

    static final String URL = "/api/v1/career/recommendations";

    @Autowired
    MockMvc mvc;

    @Test
    void shouldRankAHighProfileWithTheWholeExplanation() throws Exception {
        recommend(answers(Fixtures.HIGH), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questionnaireVersion").value("v1"))
                .andExpect(jsonPath("$.catalogueVersion").value("v1"))
                .andExpect(jsonPath("$.input").value("answers"))
                .andExpect(jsonPath("$.disclaimer", containsString("must not be used to screen")))
                .andExpect(jsonPath("$.reliability.verdict").value("CONSISTENT"))
                .andExpect(jsonPath("$.fitModel.weights.tolerance").value(0.6))
                .andExpect(jsonPath("$.fitModel.weights.skills").value(0.25))
                .andExpect(jsonPath("$.fitModel.weights.interest").value(0.15))
                .andExpect(jsonPath("$.ranking", hasSize(5)))
                .andExpect(jsonPath("$.ranking[0].roleId").value("genai-rd-engineer"))
                .andExpect(jsonPath("$.ranking[1].roleId").value("algorithm-engineer"))
                .andExpect(jsonPath("$.ranking[0].total").value(91.4))
                .andExpect(jsonPath("$.ranking[0].breakdown.toleranceMatch").value(91.4))
                .andExpect(jsonPath("$.ranking[0].breakdown.appliedWeights.tolerance").value(1.0))
                .andExpect(jsonPath("$.ranking[0].breakdown.skills.assessed").value(false))
                .andExpect(jsonPath("$.ranking[0].breakdown.dimensions[0].roleTarget").value(80.0))
                .andExpect(jsonPath("$.ranking[0].breakdown.dimensions[2].mode").value("at-least"))
                .andExpect(jsonPath("$.ranking[0].role.salary.min").value(300000))
                .andExpect(jsonPath("$.ranking[0].role.path[0].standardLevel").value("初级"))
                .andExpect(jsonPath("$.ranking[0].skillPlan", hasSize(5)))
                .andExpect(jsonPath("$.ranking[0].skillPlan[0].strategy").value("fundamentals"))
                .andExpect(jsonPath("$.ranking[1].role.salary").doesNotExist())
                .andExpect(jsonPath("$.ranking[1].role.salaryNote.source").value("article-9.1"))
                .andExpect(jsonPath("$.drivers.leader").value("genai-rd-engineer"))
                .andExpect(jsonPath("$.drivers.margin").value(0.31))
                .andExpect(jsonPath("$.drivers.lead", hasSize(8)))
                .andExpect(jsonPath("$.drivers.answers[0].itemId").value("AT3"))
                .andExpect(jsonPath("$.drivers.answers[0].effect").value(1.88))
                .andExpect(jsonPath("$.drivers.neutralFit").value(78.8))
                .andExpect(jsonPath("$.whatWouldChange.dimensionChanges[0].dimension").value("people_orientation"))
                .andExpect(jsonPath("$.whatWouldChange.dimensionChanges[0].answerSteps").value(1))
                .andExpect(jsonPath("$.whatWouldChange.summary", containsString("Algorithm engineer")))
                .andExpect(jsonPath("$.sources['article-9.1'].kind").value("article"));
    }

    @Test
    void shouldPutEachBandsRolesOnTop() throws Exception {
        recommend(answers(Fixtures.MEDIUM), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment.tolerance.band").value("medium"))
                .andExpect(jsonPath("$.ranking[0].roleId").value("data-scientist"))
                .andExpect(jsonPath("$.ranking[1].roleId").value("ai-product-manager"));
        recommend(answers(Fixtures.LOW), "zh")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment.tolerance.band").value("low"))
                .andExpect(jsonPath("$.ranking[0].roleId").value("technical-support-engineer"))
                .andExpect(jsonPath("$.ranking[0].title").value("技术支持工程师"))
                .andExpect(jsonPath("$.disclaimer", containsString("不得用于筛选")));
    }

    @Test
    void shouldGiveTheSameResultForTheSameRequest() throws Exception {
        String body = json(body("answers", Fixtures.MEDIUM, "background",
                body("skills", List.of("SQL", "statistics"), "yearsOfExperience", 3, "interests", List.of("data-analysis"))));
        String first = recommend(body, "en").andReturn().getResponse().getContentAsString();
        String second = recommend(body, "en").andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldRecommendFromTheScoresOfAnEarlierAssessment() throws Exception {
        String assessed = mvc.perform(post(AssessmentApiTest.URL).param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(answers(Fixtures.LOW)))
                .andReturn().getResponse().getContentAsString();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (JsonNode dimension : Bodies.JSON.readTree(assessed).get("dimensions")) {
            scores.put(dimension.get("dimension").asString(), dimension.get("score").asDouble());
        }
        recommend(json(body("scores", scores)), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.input").value("scores"))
                .andExpect(jsonPath("$.assessment").doesNotExist())
                .andExpect(jsonPath("$.reliability.verdict").value("NOT_CHECKED"))
                .andExpect(jsonPath("$.ranking[0].roleId").value("technical-support-engineer"))
                .andExpect(jsonPath("$.drivers.lead", not(empty())))
                .andExpect(jsonPath("$.drivers.answers", hasSize(0)));
    }

    @Test
    void shouldStillRankButWarnWhenAnswersAreInconsistent() throws Exception {
        recommend(answers(Fixtures.same(5)), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reliability.verdict").value("INCONSISTENT"))
                .andExpect(jsonPath("$.reliability.note", containsString("may not represent you")));
    }

    @Test
    void shouldTailorTheSkillPlanToTheGapsFound() throws Exception {
        String body = json(body("answers", Fixtures.HIGH, "background",
                body("skills", List.of("Python"), "yearsOfExperience", 1)));
        recommend(body, "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranking[0].breakdown.skills.assessed").value(true))
                .andExpect(jsonPath("$.ranking[0].breakdown.skills.matched[0].id").value("programming"))
                .andExpect(jsonPath("$.ranking[0].skillPlan[0].emphasis").value(true))
                .andExpect(jsonPath("$.ranking[0].skillPlan[0].why", containsString("Fewer than half")))
                .andExpect(jsonPath("$.ranking[0].skillPlan[0].forYourGaps", not(empty())))
                .andExpect(jsonPath("$.ranking[0].skillPlan[1].strategy").value("projects"))
                .andExpect(jsonPath("$.ranking[0].skillPlan[1].emphasis").value(true))
                .andExpect(jsonPath("$.whatWouldChange.skillsAssessed").value(true));
    }

    @Test
    void shouldRejectAnswersTogetherWithScores() throws Exception {
        recommend(json(body("answers", Fixtures.HIGH, "scores", Map.of("error_tolerance", 50))), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("scores")));
    }

    @Test
    void shouldRejectARequestWithNeitherAnswersNorScores() throws Exception {
        recommend(json(body("background", body("skills", List.of("Python")))), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("answers")));
    }

    @Test
    void shouldNameMissingUnknownAndOutOfRangeScores() throws Exception {
        Map<String, Object> scores = body("error_tolerance", 50, "ambiguity_tolerance", 50, "stress_tolerance", 50,
                "precision_need", 50, "people_orientation", 120, "curiosity", 10);
        recommend(json(body("scores", scores)), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems(field("scores[open_research]"), field("scores[people_orientation]"), field("scores[curiosity]"))))
                .andExpect(jsonPath("$.detail", containsString("from 0 to 100 but was 120")));
    }

    @Test
    void shouldNameBadAnswersOnRecommendationsToo() throws Exception {
        Map<String, Integer> answers = new LinkedHashMap<>(Fixtures.with(Fixtures.HIGH, "OR1", 9));
        answers.remove("PN4");
        recommend(answers(answers), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems(field("answers[OR1]"), field("answers[PN4]"))));
    }

    private ResultActions recommend(String body, String lang) throws Exception {
        return mvc.perform(post(URL).param("lang", lang).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
