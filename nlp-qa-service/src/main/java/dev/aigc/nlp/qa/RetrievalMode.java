package dev.aigc.nlp.qa;

/** Which retriever ranks the chunks. */
public enum RetrievalMode {
    BM25, DENSE, HYBRID
}
