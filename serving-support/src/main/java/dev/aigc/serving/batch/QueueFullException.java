package dev.aigc.serving.batch;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

/**
 * A batcher's queue has no room: answered at once with 503 and a {@code Retry-After} header instead of letting
 * the caller wait in an unbounded line.
 */
public class QueueFullException extends ApiException {

    private final long retryAfterSeconds;

    public QueueFullException(String batcher, int capacity, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Server busy",
                "The inference queue '" + batcher + "' is full (" + capacity + " requests waiting); retry in "
                        + Math.max(1, retryAfterSeconds) + " s");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds the caller should wait before retrying (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }
}
