package dev.aigc.career.web;

import static dev.aigc.career.web.Bodies.answers;
import static dev.aigc.career.web.Bodies.body;
import static dev.aigc.career.web.Bodies.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static dev.aigc.career.web.Bodies.field;
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
import dev.aigc.career.questionnaire.Band;

@SpringBootTest
@AutoConfigureMockMvc
class AssessmentApiTest {

    static final String URL = "/api/v1/career/assessments";

    @Autowired
    MockMvc mvc;

    @Test
    void shouldScoreAHighToleranceProfileWithInterpretations() throws Exception {
        String high = Fixtures.questionnaire().dimension("error_tolerance").orElseThrow().interpretations()
                .of(Band.HIGH).en();
        assess(answers(Fixtures.HIGH), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questionnaireVersion").value("v1"))
                .andExpect(jsonPath("$.catalogueVersion").value("v1"))
                .andExpect(jsonPath("$.dimensions", hasSize(6)))
                .andExpect(jsonPath("$.dimensions[0].dimension").value("error_tolerance"))
                .andExpect(jsonPath("$.dimensions[0].score").value(93.8))
                .andExpect(jsonPath("$.dimensions[0].keyedMean").value(4.75))
                .andExpect(jsonPath("$.dimensions[0].band").value("high"))
                .andExpect(jsonPath("$.dimensions[0].interpretation").value(high))
                .andExpect(jsonPath("$.dimensions[5].score").value(31.3))
                .andExpect(jsonPath("$.dimensions[5].band").value("low"))
                .andExpect(jsonPath("$.tolerance.index").value(87.5))
                .andExpect(jsonPath("$.tolerance.band").value("high"))
                .andExpect(jsonPath("$.consistency.verdict").value("CONSISTENT"))
                .andExpect(jsonPath("$.consistency.reasons", hasSize(0)))
                .andExpect(jsonPath("$.disclaimer", containsString("not")));
    }

    @Test
    void shouldAnswerInChinese() throws Exception {
        String low = Fixtures.questionnaire().dimension("ambiguity_tolerance").orElseThrow().interpretations()
                .of(Band.LOW).zh();
        assess(answers(Fixtures.LOW), "zh")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("zh"))
                .andExpect(jsonPath("$.dimensions[1].name").value("模糊容忍度"))
                .andExpect(jsonPath("$.dimensions[1].interpretation").value(low))
                .andExpect(jsonPath("$.tolerance.band").value("low"))
                .andExpect(jsonPath("$.tolerance.description", containsString("技术支持工程师")));
    }

    @Test
    void shouldFlagAStraightLinerWithTheReason() throws Exception {
        assess(answers(Fixtures.same(4)), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistency.verdict").value("INCONSISTENT"))
                .andExpect(jsonPath("$.consistency.longestRun").value(24))
                .andExpect(jsonPath("$.consistency.reasons[0].code").value("LONG_STRING"))
                .andExpect(jsonPath("$.consistency.reasons[0].message", containsString("24 answers in a row")));
    }

    @Test
    void shouldRecogniseBackgroundSkillsAndKeepEducationOutOfScoring() throws Exception {
        Map<String, Object> background = body("skills", List.of("Python", "knitting"), "yearsOfExperience", 2,
                "education", "master", "interests", List.of("research"));
        assess(json(body("answers", Fixtures.HIGH, "background", background)), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.background.recognisedSkills[0].id").value("programming"))
                .andExpect(jsonPath("$.background.statedSkills", hasItem("knitting")))
                .andExpect(jsonPath("$.background.education").value("master"))
                .andExpect(jsonPath("$.background.note", containsString("not scored")));
    }

    @Test
    void shouldNameEveryMissingAnswer() throws Exception {
        Map<String, Integer> answers = new LinkedHashMap<>(Fixtures.HIGH);
        answers.remove("ET3");
        answers.remove("PO2");
        assess(answers(answers), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems(field("answers[ET3]"), field("answers[PO2]"))))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.detail", containsString("ET3")))
                .andExpect(jsonPath("$.detail", containsString("PO2")));
    }

    @Test
    void shouldNameAnswersOutsideTheScale() throws Exception {
        Map<String, Integer> answers = Fixtures.with(Fixtures.with(Fixtures.HIGH, "ET1", 7), "AT1", 0);
        assess(answers(answers), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems(field("answers[ET1]"), field("answers[AT1]"))))
                .andExpect(jsonPath("$.detail", containsString("from 1 to 5 but was 7")));
    }

    @Test
    void shouldNameUnknownItemIds() throws Exception {
        assess(answers(Fixtures.with(Fixtures.HIGH, "XX9", 3)), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("answers[XX9]")))
                .andExpect(jsonPath("$.detail", containsString("'XX9' is not an item of questionnaire v1")));
    }

    @Test
    void shouldNameAnUnknownQuestionnaireVersion() throws Exception {
        assess(json(body("questionnaireVersion", "v9", "answers", Fixtures.HIGH)), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("questionnaireVersion")))
                .andExpect(jsonPath("$.detail", containsString("'v9'")));
    }

    @Test
    void shouldRejectFractionalAndNonNumericAnswers() throws Exception {
        assess(answers(Fixtures.with(new LinkedHashMap<>(Fixtures.HIGH), "ET1", 4).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getKey().equals("ET1") ? (Object) 4.5 : e.getValue()))), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("answers.ET1")));
        String text = answers(Fixtures.HIGH).replace("\"ET1\":5", "\"ET1\":\"agree\"");
        assess(text, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("answers.ET1")));
    }

    @Test
    void shouldNameInvalidBackgroundFields() throws Exception {
        Map<String, Object> background = body("interests", List.of("research", "astrology"), "yearsOfExperience", -1);
        assess(json(body("answers", Fixtures.HIGH, "background", background)), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems(field("background.interests[1]"), field("background.yearsOfExperience"))))
                .andExpect(jsonPath("$.detail", containsString("'astrology' is not a known interest")));

        assess(json(body("answers", Fixtures.HIGH, "background", body("education", "phd"))), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("background.education")));
    }

    @Test
    void shouldRejectAnEmptyOrMissingBody() throws Exception {
        assess("{}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("answers")));
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("body")));
    }

    @Test
    void shouldRejectAnUnsupportedLanguageOnPost() throws Exception {
        assess(answers(Fixtures.HIGH), "klingon")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field("lang")))
                .andExpect(jsonPath("$.detail", containsString("'klingon'")));
    }

    private ResultActions assess(String body, String lang) throws Exception {
        return mvc.perform(post(URL).param("lang", lang).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
