package dev.aigc.career.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Highest education, as a background may state it. It is echoed but deliberately not scored: the service
 * explores fit, it does not gate roles by credentials.
 */
public enum Education {
    @JsonProperty("secondary") SECONDARY,
    @JsonProperty("associate") ASSOCIATE,
    @JsonProperty("bachelor") BACHELOR,
    @JsonProperty("master") MASTER,
    @JsonProperty("doctorate") DOCTORATE
}
