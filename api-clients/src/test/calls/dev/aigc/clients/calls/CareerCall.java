package dev.aigc.clients.calls;

import dev.aigc.client.career.api.CareerQuestionnaireApi;
import dev.aigc.client.career.model.QuestionnaireView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** The current questionnaire in English with the generated career client. */
public class CareerCall implements Callable<Map<String, Object>> {

    @Override
    public Map<String, Object> call() throws Exception {
        QuestionnaireView questionnaire = new CareerQuestionnaireApi().current("en", null);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("version", questionnaire.getVersion());
        facts.put("items", questionnaire.getItems().size());
        return facts;
    }
}
