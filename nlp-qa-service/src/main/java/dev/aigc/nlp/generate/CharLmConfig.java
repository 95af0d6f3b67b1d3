package dev.aigc.nlp.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/** Architecture of the character LSTM; stored in the model card's details so a version can be rebuilt to load. */
public record CharLmConfig(int vocabSize, int embeddingSize, int hiddenSize, int layers, float dropout) {

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", "embedding -> LSTM -> linear (character-level, causal)");
        m.put("vocabSize", vocabSize);
        m.put("embeddingSize", embeddingSize);
        m.put("hiddenSize", hiddenSize);
        m.put("layers", layers);
        m.put("dropout", dropout);
        return m;
    }

    public static CharLmConfig fromMap(Map<String, Object> m) {
        return new CharLmConfig(number(m, "vocabSize").intValue(), number(m, "embeddingSize").intValue(),
                number(m, "hiddenSize").intValue(), number(m, "layers").intValue(),
                number(m, "dropout").floatValue());
    }

    private static Number number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("model card details lack numeric '" + key + "'");
    }
}
