package dev.aigc.nlp.kb;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on uploaded files ({@code nlp.kb.upload.*}); the byte limit is Spring's multipart limit
 * ({@code spring.servlet.multipart.max-file-size}), the text limit {@code nlp.kb.max-document-chars}.
 *
 * @param maxPages the most pages a PDF (or a DOCX, by its recorded page count) may have
 */
@Validated
@ConfigurationProperties("nlp.kb.upload")
public record UploadProperties(@Min(1) @Max(100_000) int maxPages) {
}
