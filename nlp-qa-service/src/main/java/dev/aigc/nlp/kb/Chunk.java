package dev.aigc.nlp.kb;

/**
 * One indexed passage of a document; {@code vector} is its L2-normalised embedding. {@code page} (1-based, PDF) and
 * {@code heading} (the section heading above the passage: HTML, Markdown, DOCX) say where an uploaded file holds
 * the passage; both are null when the source has no such structure (JSON and plain-text bodies).
 */
public record Chunk(String docId, int index, String title, String lang, String text, float[] vector, Integer page,
                    String heading) {

    /** A passage without page or heading. */
    public Chunk(String docId, int index, String title, String lang, String text, float[] vector) {
        this(docId, index, title, lang, text, vector, null, null);
    }
}
