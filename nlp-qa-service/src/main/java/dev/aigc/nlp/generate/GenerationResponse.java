package dev.aigc.nlp.generate;

/**
 * Generated continuation of the prompt, with the settings used, the model version and why it ended ({@code length}:
 * maxTokens reached, {@code stop}: a stop sequence was generated).
 */
public record GenerationResponse(String prompt, String text, int tokens, long seed, double temperature, int topK,
                                 double topP, double repetitionPenalty, String model, String finishReason,
                                 double charsPerSecond) {
}
