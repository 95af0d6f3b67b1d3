package dev.aigc.career.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.aigc.career.Fixtures;

@SpringBootTest
@AutoConfigureMockMvc
class QuestionnaireAndRoleApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldServeTheCurrentQuestionnaireWithItsScoringKeyInEnglish() throws Exception {
        mvc.perform(get("/api/v1/career/questionnaires/current").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("v1"))
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.items", hasSize(24)))
                .andExpect(jsonPath("$.items[0].id").value("ET1"))
                .andExpect(jsonPath("$.items[0].reverseKeyed").value(false))
                .andExpect(jsonPath("$.items[18].id").value("ET2"))
                .andExpect(jsonPath("$.items[18].reverseKeyed").value(true))
                .andExpect(jsonPath("$.items[0].text").value(Fixtures.questionnaire().item("ET1").orElseThrow().text().en()))
                .andExpect(jsonPath("$.scale.labels[0].label").value("Strongly disagree"))
                .andExpect(jsonPath("$.scoringKey.reverseRule").value("6 - answer"))
                .andExpect(jsonPath("$.scoringKey.lowBelow").value(37.5))
                .andExpect(jsonPath("$.scoringKey.highFrom").value(62.5))
                .andExpect(jsonPath("$.scoringKey.dimensions[0].reverseKeyed", hasSize(2)))
                .andExpect(jsonPath("$.scoringKey.toleranceIndex.dimensions[0]").value("error_tolerance"))
                .andExpect(jsonPath("$.consistency.pairs", hasSize(12)))
                .andExpect(jsonPath("$.consistency.longStringLimit").value(10))
                .andExpect(jsonPath("$.citations[*].id", hasItem("budner-1962")))
                .andExpect(jsonPath("$.citations[*].id", hasItem("onet-work-context")));
    }

    @Test
    void shouldAnswerInChineseForAChineseAcceptLanguage() throws Exception {
        mvc.perform(get("/api/v1/career/questionnaires/current").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("zh"))
                .andExpect(jsonPath("$.items[0].text").value(Fixtures.questionnaire().item("ET1").orElseThrow().text().zh()))
                .andExpect(jsonPath("$.scale.labels[0].label").value("非常不同意"));
    }

    @Test
    void shouldLetTheLangParameterOverrideTheHeader() throws Exception {
        mvc.perform(get("/api/v1/career/questionnaires/v1").param("lang", "en").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("en"));
    }

    @Test
    void shouldIgnoreAnUnsupportedAcceptLanguageWhenTheLangParameterIsGiven() throws Exception {
        mvc.perform(get("/api/v1/career/roles").param("lang", "en").header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("en"));
    }

    @Test
    void shouldRejectAnUnsupportedLangParameterNamingIt() throws Exception {
        mvc.perform(get("/api/v1/career/questionnaires/current").param("lang", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field").value("lang"))
                .andExpect(jsonPath("$.detail", containsString("'fr'")))
                .andExpect(jsonPath("$.requestId", not(emptyOrNullString())));
    }

    @Test
    void shouldRejectAnAcceptLanguageWithNoSupportedLanguage() throws Exception {
        mvc.perform(get("/api/v1/career/roles").header("Accept-Language", "fr-FR,de;q=0.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Accept-Language"))
                .andExpect(jsonPath("$.detail", containsString("fr-FR")));
    }

    @Test
    void shouldAnswer404ForAnUnknownQuestionnaireVersion() throws Exception {
        mvc.perform(get("/api/v1/career/questionnaires/v9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("'v9'")))
                .andExpect(jsonPath("$.detail", containsString("v1")));
    }

    @Test
    void shouldListTheFiveRolesWithASourceForEveryFact() throws Exception {
        mvc.perform(get("/api/v1/career/roles").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.catalogueVersion").value("v1"))
                .andExpect(jsonPath("$.roles", hasSize(5)))
                .andExpect(jsonPath("$.roles[*].summary.source", everyItem(not(emptyOrNullString()))))
                .andExpect(jsonPath("$.roles[*].toleranceBand.source", everyItem(not(emptyOrNullString()))))
                .andExpect(jsonPath("$.roles[*].profile.source", everyItem(not(emptyOrNullString()))))
                .andExpect(jsonPath("$.roles[*].path[*].source", everyItem(not(emptyOrNullString()))))
                .andExpect(jsonPath("$.roles[*].plan[*].source", everyItem(not(emptyOrNullString()))))
                .andExpect(jsonPath("$.roles[?(@.id=='genai-rd-engineer')].salary.min").value(300000))
                .andExpect(jsonPath("$.roles[?(@.id=='genai-rd-engineer')].salary.max").value(500000))
                .andExpect(jsonPath("$.roles[?(@.id=='genai-rd-engineer')].salary.currency").value("CNY"))
                .andExpect(jsonPath("$.roles[?(@.id=='genai-rd-engineer')].salary.period").value("year"))
                .andExpect(jsonPath("$.roles[?(@.id=='genai-rd-engineer')].salary.source").value("article-9.1"))
                .andExpect(jsonPath("$.interests[*].id", hasItem("research")))
                .andExpect(jsonPath("$.sources['article-9.2'].kind").value("article"))
                .andExpect(jsonPath("$.sources['cn-ai-standard-2021'].citation", containsString("2-02-10-09")));
    }

    @Test
    void shouldServeOneRoleInChinese() throws Exception {
        mvc.perform(get("/api/v1/career/roles/data-scientist").param("lang", "zh").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role.title").value("数据科学家"))
                .andExpect(jsonPath("$.role.toleranceBand.band").value("medium"))
                .andExpect(jsonPath("$.role.salary.min").value(200000))
                .andExpect(jsonPath("$.role.path[0].standardLevel").value("初级"))
                .andExpect(jsonPath("$.role.path[0].standard", containsString("2021")))
                .andExpect(jsonPath("$.role.plan", hasSize(5)));
    }

    @Test
    void shouldAnswer404ForAnUnknownRoleNamingIt() throws Exception {
        mvc.perform(get("/api/v1/career/roles/astronaut"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("'astronaut'")))
                .andExpect(jsonPath("$.detail", containsString("data-scientist")));
    }
}
