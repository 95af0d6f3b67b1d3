package dev.aigc.nlp.embed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * bge embedding settings ({@code nlp.embedding.*}): how many predictors (concurrent inferences), ONNX Runtime
 * intra-op threads per inference, and the token limit per text.
 */
@Validated
@ConfigurationProperties("nlp.embedding")
public record EmbeddingProperties(@Min(1) @Max(16) int predictors, @Min(1) @Max(16) int threads,
                                  @Min(16) @Max(512) int maxTokens) {
}
