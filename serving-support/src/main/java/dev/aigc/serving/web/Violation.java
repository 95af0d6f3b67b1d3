package dev.aigc.serving.web;

/**
 * One invalid input named in the {@code errors} property of a 400 {@code ProblemDetail}.
 *
 * @param field   the field, request parameter or body path that failed (e.g. {@code steps}, {@code items[2].text})
 * @param message why it failed, for a human
 */
public record Violation(String field, String message) {
}
