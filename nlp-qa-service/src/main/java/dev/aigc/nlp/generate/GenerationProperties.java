package dev.aigc.nlp.generate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Text generation settings ({@code nlp.generation.*}).
 *
 * @param modelLocation  {@code classpath:models/charlm} or a directory holding version subdirectories (each with
 *                       {@code model-card.json}, {@code charlm-0000.params} and {@code vocab.txt})
 * @param version        the version served at start-up; another can be activated through the models API
 * @param streamThreads  concurrent SSE generations; more are refused with 503
 */
@Validated
@ConfigurationProperties("nlp.generation")
public record GenerationProperties(@NotBlank String modelLocation, @NotBlank String version,
                                   @Min(1) @Max(64) int streamThreads) {
}
