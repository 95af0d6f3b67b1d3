package dev.aigc.nlp.kb;

/** One indexed passage of a document; {@code vector} is its L2-normalised embedding. */
public record Chunk(String docId, int index, String title, String lang, String text, float[] vector) {
}
