package dev.aigc.nlp.generate;

import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelLease;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.web.ApiException;

/**
 * Samples text from the active character LSTM: feeds the prompt once, then one character at a time, handing each to
 * a sink that may stop the generation (client gone). Unknown prompt characters map to the unknown id.
 *
 * <p>Each generation holds a {@link ModelLease} from start to end, so activating another version meanwhile never
 * closes the model under it: the generation finishes on the version it started with, later ones use the new one.
 */
public class TextGenerator {

    private final ModelRegistry<CharLanguageModel> models;

    public TextGenerator(ModelRegistry<CharLanguageModel> models) {
        this.models = models;
    }

    /** Generates up to {@code maxTokens} characters; {@code sink} gets each as produced and returns false to stop. */
    public Generation generate(String prompt, GenerationRequest.GenerationSettings s, CharSink sink) {
        try (ModelLease<CharLanguageModel> lease = models.acquire()) {
            CharLanguageModel model = lease.model();
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
            return new Generation(out.toString(), label(lease.card()));
        }
    }

    public Generation generate(String prompt, GenerationRequest.GenerationSettings s) {
        return generate(prompt, s, ch -> true);
    }

    private static String label(ModelCard card) {
        return card.name() + ":" + card.version();
    }

    /** The generated text and the model version ({@code name:version}) that produced it. */
    public record Generation(String text, String model) {

        public int tokens() {
            return text.codePointCount(0, text.length());
        }
    }

    /** Receives generated characters; returning false stops the generation. */
    @FunctionalInterface
    public interface CharSink {
        boolean accept(String ch);
    }
}
