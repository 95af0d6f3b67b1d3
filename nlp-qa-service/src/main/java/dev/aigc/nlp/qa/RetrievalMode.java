package dev.aigc.nlp.qa;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which retriever ranks the chunks: written in lower case (as responses report it), read in any case. */
public enum RetrievalMode {
    BM25, DENSE, HYBRID;

    @JsonCreator
    static RetrievalMode of(String value) {
        for (RetrievalMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("must be bm25, dense or hybrid (any case)");
    }

    @JsonValue
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
