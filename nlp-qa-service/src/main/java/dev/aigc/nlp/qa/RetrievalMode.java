package dev.aigc.nlp.qa;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Which retriever ranks the chunks: written in lower case (as responses report it), read in any case. */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)
public enum RetrievalMode {
    @JsonProperty("bm25") BM25,
    @JsonProperty("dense") DENSE,
    @JsonProperty("hybrid") HYBRID
}
