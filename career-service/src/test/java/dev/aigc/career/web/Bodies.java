package dev.aigc.career.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

import tools.jackson.databind.json.JsonMapper;

/** Request bodies for the API tests. */
final class Bodies {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Bodies() {
    }

    /**
     * A field path as the shared ProblemDetail advice reports it. Body fields may carry the controller parameter's
     * name as a prefix ({@code body.answers[ET3]}) when Spring validates the method as a whole.
     */
    static Matcher<String> field(String path) {
        return Matchers.anyOf(Matchers.equalTo(path), Matchers.equalTo("body." + path));
    }

    static String answers(Map<String, ?> answers) {
        return json(Map.of("answers", answers));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
