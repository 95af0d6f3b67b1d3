package dev.aigc.nlp.classify;

import java.util.List;

/** The most likely sentiment, its probability, and all three probabilities. */
public record SentimentResponse(String label, double score, List<Score> scores) {

    public record Score(String label, double score) {
    }
}
