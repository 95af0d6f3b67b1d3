package dev.aigc.nlp.generate;

import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelLease;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.web.ApiException;

import java.util.List;

/**
 * Samples text from the active language model: feeds the prompt once, then one character at a time (a cached
 * step for the Transformer), handing each to a sink that may stop the generation (client gone). Unknown prompt
 * characters map to the unknown id.
 *
 * <p>Stop sequences: characters that might be the start of a stop sequence are held back until they are known not
 * to be, so a stop sequence never reaches the sink, even in a stream.
 *
 * <p>Each generation holds a {@link ModelLease} from start to end, so activating another version meanwhile never
 * closes the model under it: the generation finishes on the version it started with, later ones use the new one.
 */
public class TextGenerator {

    private final ModelRegistry<LanguageModel> models;

    public TextGenerator(ModelRegistry<LanguageModel> models) {
        this.models = models;
    }

    /** Generates up to {@code maxTokens} characters; {@code sink} gets each as produced and returns false to stop. */
    public Generation generate(String prompt, GenerationRequest.GenerationSettings s, CharSink sink) {
        try (ModelLease<LanguageModel> lease = models.acquire()) {
            LanguageModel model = lease.model();
            int[] ids = model.vocab().encode(prompt);
            if (ids.length == 0) {
                throw ApiException.badRequest("the prompt has no characters");
            }
            Sampler sampler = new Sampler(s.temperature(), s.topK(), s.topP(), s.repetitionPenalty(), s.seed());
            sampler.observe(ids);
            StringBuilder out = new StringBuilder();
            int emitted = 0;
            String finish = "length";
            int generated = 0;
            try (LanguageModel.Session session = model.newSession()) {
                float[] logits = session.feed(ids);
                while (generated < s.maxTokens()) {
                    int next = sampler.next(logits);
                    out.append(model.vocab().decode(next));
                    generated++;
                    int stopAt = stopIndex(out, s.stop());
                    if (stopAt >= 0) {
                        out.setLength(stopAt);
                        finish = "stop";
                    }
                    int safe = "stop".equals(finish) ? out.length() : out.length() - heldBack(out, s.stop());
                    if (!emit(out, emitted, safe, sink)) {
                        return new Generation(out.substring(0, emitted), label(lease.card()), "cancelled");
                    }
                    emitted = Math.max(emitted, safe);
                    if ("stop".equals(finish)) {
                        break;
                    }
                    if (generated < s.maxTokens()) {
                        logits = session.feed(new int[] {next});
                    }
                }
            }
            if (!emit(out, emitted, out.length(), sink)) {
                return new Generation(out.substring(0, emitted), label(lease.card()), "cancelled");
            }
            return new Generation(out.toString(), label(lease.card()), finish);
        }
    }

    public Generation generate(String prompt, GenerationRequest.GenerationSettings s) {
        return generate(prompt, s, ch -> true);
    }

    /** Hands the code points of {@code out[from, to)} to the sink; false when the sink stops. */
    private static boolean emit(StringBuilder out, int from, int to, CharSink sink) {
        int i = from;
        while (i < to) {
            int cp = out.codePointAt(i);
            int n = Character.charCount(cp);
            if (!sink.accept(out.substring(i, i + n))) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /** Where the first stop sequence found in {@code out} starts, or -1. */
    static int stopIndex(CharSequence out, List<String> stops) {
        int best = -1;
        for (String stop : stops) {
            int at = out.toString().indexOf(stop);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    /** Length of the longest suffix of {@code out} that is a proper prefix of a stop sequence. */
    static int heldBack(CharSequence out, List<String> stops) {
        int hold = 0;
        String text = out.toString();
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, text.length()); k > hold; k--) {
                if (text.endsWith(stop.substring(0, k))) {
                    hold = k;
                    break;
                }
            }
        }
        return hold;
    }

    private static String label(ModelCard card) {
        return card.name() + ":" + card.version();
    }

    /** The generated text, the model version ({@code name:version}) and why it ended: length, stop or cancelled. */
    public record Generation(String text, String model, String finishReason) {

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
