package dev.aigc.nlp.classify;

import java.util.List;

/** Labels ranked best first; scores are a softmax over the similarities and sum to 1. */
public record ClassificationResponse(String label, List<LabelScore> scores) {

    /** A label, its probability-like score and the raw cosine similarity. */
    public record LabelScore(String label, double score, double similarity) {
    }
}
