package dev.aigc.nlp.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Architecture of the decoder-only Transformer: {@code layers} pre-norm blocks of causal multi-head self-attention
 * ({@code heads} heads over {@code embeddingSize}) and a GELU MLP of width {@code mlpSize}, learned positions up to
 * {@code contextLength}, output projection tied to the character embedding. Stored in the model card's details.
 */
public record TransformerLmConfig(int vocabSize, int contextLength, int embeddingSize, int layers, int heads,
                                  int mlpSize) {

    public static final String ARCHITECTURE = "decoder-only Transformer (pre-norm, causal self-attention, "
            + "learned positions, tied output embedding; character-level)";

    public TransformerLmConfig {
        if (embeddingSize % heads != 0) {
            throw new IllegalArgumentException("embeddingSize " + embeddingSize + " is not a multiple of heads " + heads);
        }
    }

    public int headSize() {
        return embeddingSize / heads;
    }

    /** Parameters of the blocks (without the embeddings): per layer 4d² + 4d (attention) + 2·d·m + m + d (MLP) + 4d. */
    public long blockParameters() {
        long d = embeddingSize;
        long m = mlpSize;
        return layers * (4 * d * d + 4 * d + 2 * d * m + m + d + 4 * d) + 2 * d;
    }

    /**
     * Forward FLOPs to predict one character at full context: 2 per multiply-add in the blocks and the output
     * projection, plus the attention scores and the weighted sum (2·2·T·d per layer).
     */
    public long forwardFlopsPerToken() {
        return 2 * blockParameters() + 2L * embeddingSize * vocabSize + 4L * layers * contextLength * embeddingSize;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", ARCHITECTURE);
        m.put("vocabSize", vocabSize);
        m.put("contextLength", contextLength);
        m.put("embeddingSize", embeddingSize);
        m.put("layers", layers);
        m.put("heads", heads);
        m.put("mlpSize", mlpSize);
        return m;
    }

    public static boolean describes(Map<String, Object> m) {
        return ARCHITECTURE.equals(m.get("architecture"));
    }

    public static TransformerLmConfig fromMap(Map<String, Object> m) {
        return new TransformerLmConfig(number(m, "vocabSize"), number(m, "contextLength"), number(m, "embeddingSize"),
                number(m, "layers"), number(m, "heads"), number(m, "mlpSize"));
    }

    private static int number(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException("model card details lack numeric '" + key + "'");
    }
}
