package dev.aigc.gateway.web;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.web.server.ResponseStatusException;

/** What kind of failure an exception from a routed call is: the service was too slow, or it was not there. */
final class Failures {

    private Failures() {
    }

    /** The route's response timeout expired (the gateway reports it as a 504 status exception). */
    static boolean isTimeout(Throwable ex) {
        return (ex instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504)
                || hasCause(ex, TimeoutException.class)
                || hasCause(ex, org.springframework.cloud.gateway.support.TimeoutException.class);
    }

    /** Connection refused, reset or timed out; the breaker is open; nothing could be sent or received. */
    static boolean isUnavailable(Throwable ex) {
        return ex instanceof ServiceUnavailableException || hasCause(ex, CallNotPermittedException.class)
                || hasCause(ex, IOException.class); // ConnectException, Netty's connect timeout, premature close
    }

    /** Whether {@code ex} or one of its causes is a {@code type}. */
    static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    /** For logs: the exception's class and its root cause's message. */
    static String describe(Throwable ex) {
        return ex.getClass().getSimpleName() + ": " + rootMessage(ex);
    }
}
