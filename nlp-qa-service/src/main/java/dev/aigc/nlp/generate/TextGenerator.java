package dev.aigc.nlp.generate;

import dev.aigc.serving.web.ApiException;


/**
 * Samples text from the character LSTM: feeds the prompt once, then one character at a time, handing each to a
 * sink that may stop the generation (client gone). Unknown prompt characters map to the unknown id.
 */
public class TextGenerator {

    private final CharLanguageModel model;

    public TextGenerator(CharLanguageModel model) {
        this.model = model;
    }

    public String modelVersion() {
        return model.card().name() + ":" + model.card().version();
    }

    /** Generates up to {@code maxTokens} characters; {@code sink} gets each as produced and returns false to stop. */
    public String generate(String prompt, GenerationRequest.GenerationSettings s, CharSink sink) {
        int[] ids = model.vocab().encode(prompt);
        if (ids.length == 0) {
            throw ApiException.badRequest("the prompt has no characters");
        }
        Sampler sampler = new Sampler(s.temperature(), s.topK(), s.topP(), s.seed());
        StringBuilder out = new StringBuilder();
        try (CharLanguageModel.Session session = model.newSession()) {
            float[] logits = session.feed(ids);
            for (int i = 0; i < s.maxTokens(); i++) {
                int next = sampler.next(logits);
                String ch = model.vocab().decode(next);
                out.append(ch);
                if (!sink.accept(ch)) {
                    break;
                }
                if (i + 1 < s.maxTokens()) {
                    logits = session.feed(new int[] {next});
                }
            }
        }
        return out.toString();
    }

    public String generate(String prompt, GenerationRequest.GenerationSettings s) {
        return generate(prompt, s, ch -> true);
    }

    /** Receives generated characters; returning false stops the generation. */
    @FunctionalInterface
    public interface CharSink {
        boolean accept(String ch);
    }

}
