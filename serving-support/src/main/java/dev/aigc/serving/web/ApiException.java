package dev.aigc.serving.web;

import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure that maps to one HTTP status with a short title and a detail written for the client.
 *
 * <p>The global {@link ProblemDetailsAdvice} turns it into an RFC 9457 {@code ProblemDetail}. Throw it (or one of
 * its subclasses) from anywhere in a service: controllers, batch functions, model loading. The static factories
 * cover the common cases.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ApiException(HttpStatus status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = Objects.requireNonNull(status, "status");
        this.title = title == null || title.isBlank() ? status.getReasonPhrase() : title;
    }

    /** 404: the named resource (model, version, job, document...) does not exist. */
    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    /** 409: the request conflicts with the current state (e.g. a version that already exists). */
    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** 400: the input is malformed in a way Bean Validation could not express. */
    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    /** 422: the input is well-formed but cannot be processed (e.g. a question with no usable words). */
    public static ApiException unprocessable(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable content", detail);
    }

    /** 503: the service cannot answer right now (model not loaded, shutting down). */
    public static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
    }

    /** 503 with {@code Retry-After}: the service is at capacity right now and will be free again shortly. */
    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Server busy", detail) {
            @Override
            public HttpHeaders headers() {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                return headers;
            }
        };
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The client-facing explanation (same as {@link #getMessage()}). */
    public String detail() {
        return getMessage();
    }

    /** Extra response headers (e.g. {@code Retry-After}); none by default. */
    public HttpHeaders headers() {
        return new HttpHeaders();
    }
}
