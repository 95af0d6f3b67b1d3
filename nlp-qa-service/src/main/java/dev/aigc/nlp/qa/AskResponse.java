package dev.aigc.nlp.qa;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The answer: extracted sentences, whether the knowledge base answers the question at all, a confidence in [0, 1]
 * and the supporting documents. {@code similarity} is the cosine of the best passage; {@code termCoverage} the
 * IDF-weighted share of the question's salient terms found in the answering passages; {@code unknownTerms} the
 * names in the question that the knowledge base never mentions (each one is a reason to refuse); {@code missingAnswer}
 * the kinds of answer the question asks for ("year", "number") that the sentences found to answer it do not hold
 * (also a reason to refuse, {@link AnswerType}).
 */
public record AskResponse(String question, boolean answered, String answer, double confidence, double similarity,
                          double termCoverage, List<String> unknownTerms, List<String> missingAnswer, String mode,
                          List<Citation> citations) {

    /**
     * A supporting document: its id and title, the passage text quoted, the retrieval score and cosine similarity;
     * for an uploaded file also the passage's PDF page (1-based) or section heading, each left out when unknown.
     */
    public record Citation(String documentId, String title, String snippet, double score, double similarity,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer page,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String heading) {
    }
}
