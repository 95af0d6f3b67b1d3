package dev.aigc.nlp.generate;

/** Generated continuation of the prompt, with the settings used and the model version. */
public record GenerationResponse(String prompt, String text, int tokens, long seed, double temperature, int topK,
                                 double topP, String model, double charsPerSecond) {
}
