package dev.aigc.serving.batch;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

/** An item waited longer than the batcher's {@code timeout} for its result (queueing included): 503. */
public class InferenceTimeoutException extends ApiException {

    public InferenceTimeoutException(String batcher, Duration timeout) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Inference timed out",
                "No result from '" + batcher + "' within " + timeout.toMillis() + " ms; the server is overloaded");
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return headers;
    }
}
