package dev.aigc.clients.calls;

import dev.aigc.client.nlpqa.api.QuestionAnsweringApi;
import dev.aigc.client.nlpqa.model.AskRequest;
import dev.aigc.client.nlpqa.model.AskResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** A question to the knowledge base in hybrid mode with the generated NLP/QA client. */
public class NlpQaCall implements Callable<Map<String, Object>> {

    @Override
    public Map<String, Object> call() throws Exception {
        AskResponse response = new QuestionAnsweringApi().ask(new AskRequest().question("如何安装Python？").topK(3)
                .mode(AskRequest.ModeEnum.HYBRID));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("answered", response.getAnswered());
        facts.put("mode", response.getMode());
        facts.put("citations", response.getCitations().size());
        return facts;
    }
}
