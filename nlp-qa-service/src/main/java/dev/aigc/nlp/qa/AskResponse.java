package dev.aigc.nlp.qa;

import java.util.List;

/**
 * The answer: extracted sentences, whether the knowledge base answers the question at all, a confidence in [0, 1]
 * and the supporting documents.
 */
public record AskResponse(String question, boolean answered, String answer, double confidence, double similarity,
                          String mode, List<Citation> citations) {

    /** A supporting document: its id and title, the passage text quoted, the retrieval score and cosine similarity. */
    public record Citation(String documentId, String title, String snippet, double score, double similarity) {
    }
}
