package dev.aigc.nlp.kb;

import java.time.Instant;

/** A stored knowledge-base document. */
public record KbDocument(String id, String title, String text, String source, String lang, Instant createdAt,
                         int chunks) {
}
