package dev.aigc.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * Request id conventions of the gateway. They match the services' own (serving-support's {@code RequestIds}), which
 * the gateway cannot use because that module is servlet-based: 1 to 64 characters of {@code [A-Za-z0-9._-]} are
 * accepted as they are, anything else is replaced so that log lines cannot be forged through the header.
 */
public final class RequestIds {

    /** The HTTP header carrying the id, in both directions and to the services. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC and Reactor context key; log patterns use {@code %X{requestId}}. */
    public static final String MDC_KEY = "requestId";
    /** The exchange attribute holding the id. */
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /** A new random id: a UUID without dashes (32 hex characters). */
    public static String generate() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static String acceptOrGenerate(String candidate) {
        return isValid(candidate) ? candidate : generate();
    }

    /** The id given to {@code exchange} by {@link RequestIdFilter}, or {@code null} before it ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
