package dev.aigc.serving.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * Request id conventions shared by the filter, the error advice and anything that logs or forwards a request id.
 *
 * <p>An incoming {@value #HEADER} is accepted when it has 1 to 64 characters of {@code [A-Za-z0-9._-]}; anything
 * else is replaced by a fresh random id so that log lines cannot be forged through the header.
 */
public final class RequestIds {

    /** The HTTP header carrying the id, in both directions. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key (use {@code %X{requestId}} in a log pattern). */
    public static final String MDC_KEY = "requestId";
    /** The servlet request attribute holding the id for the whole exchange, including error dispatches. */
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** Whether {@code candidate} may be used as a request id as it is. */
    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /** A new random id (a UUID without dashes, 32 characters). */
    public static String generate() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** {@code candidate} when valid, else a new id. */
    public static String acceptOrGenerate(String candidate) {
        return isValid(candidate) ? candidate : generate();
    }

    /** The id of the request the calling thread is serving, if any (read from the MDC). */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
