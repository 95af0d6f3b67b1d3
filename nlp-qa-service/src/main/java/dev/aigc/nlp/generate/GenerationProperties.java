package dev.aigc.nlp.generate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Text generation settings ({@code nlp.generation.*}).
 *
 * @param modelLocation  {@code classpath:models/charlm} or a directory holding version subdirectories
 * @param version        the version to serve
 * @param streamThreads  concurrent SSE generations; more are refused with 503
 */
@Validated
@ConfigurationProperties("nlp.generation")
public record GenerationProperties(@NotBlank String modelLocation, @NotBlank String version,
                                   @Min(1) @Max(64) int streamThreads) {
}
