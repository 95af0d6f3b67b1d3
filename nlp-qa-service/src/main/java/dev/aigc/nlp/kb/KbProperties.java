package dev.aigc.nlp.kb;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Knowledge-base settings ({@code nlp.kb.*}).
 *
 * @param indexDir          where the Lucene index lives
 * @param seedOnStart       load the bundled documents (classpath {@code kb/*.md}) when the index is empty
 * @param chunkUnits        target chunk size: Han characters plus English words
 * @param overlapSentences  sentences shared by consecutive chunks
 * @param maxDocumentChars  the longest accepted document text
 */
@Validated
@ConfigurationProperties("nlp.kb")
public record KbProperties(@NotBlank String indexDir, boolean seedOnStart, @Min(20) @Max(2000) int chunkUnits,
                           @Min(0) @Max(5) int overlapSentences, @Min(100) int maxDocumentChars) {
}
