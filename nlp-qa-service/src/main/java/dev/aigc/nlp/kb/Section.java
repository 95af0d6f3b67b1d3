package dev.aigc.nlp.kb;

/**
 * A run of a document's text that shares one page (PDF, 1-based) and one heading (the nearest heading above it);
 * either is null when the source has none. Chunks never cross a section boundary, so each keeps its page and heading.
 */
public record Section(Integer page, String heading, String text) {
}
