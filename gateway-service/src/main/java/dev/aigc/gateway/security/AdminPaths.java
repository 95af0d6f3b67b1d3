package dev.aigc.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Matches the admin-only operations however a client spells the path: the rules see it percent-decoded, in lower
 * case, with repeated slashes collapsed and trailing slashes removed, and the method compared without regard to case.
 * So {@code POST .../models/v2/activate/}, {@code .../ACTIVATE} and {@code .../%61ctivate} need the admin role just
 * as {@code .../activate} does, even though no service would answer them: the rules must not rely on that.
 */
final class AdminPaths implements ServerWebExchangeMatcher {

    private final HttpMethod method;
    private final List<PathPattern> patterns;

    private AdminPaths(HttpMethod method, String... patterns) {
        this.method = method;
        this.patterns = Arrays.stream(patterns)
                .map(p -> PathPatternParser.defaultInstance.parse(p.toLowerCase(Locale.ROOT))).toList();
    }

    /** Admin paths for one method ({@code null}: any method). */
    static AdminPaths of(HttpMethod method, String... patterns) {
        return new AdminPaths(method, patterns);
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        if (method != null && !method.name().equalsIgnoreCase(exchange.getRequest().getMethod().name())) {
            return MatchResult.notMatch();
        }
        PathContainer path = PathContainer.parsePath(normalise(exchange.getRequest().getPath().value()));
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return MatchResult.match();
            }
        }
        return MatchResult.notMatch();
    }

    /** Decoded, lower case, single slashes, no trailing slash ({@code "/"} stays). */
    static String normalise(String rawPath) {
        String decoded;
        try {
            decoded = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = rawPath; // the request-line filter refuses such paths before security runs
        }
        String path = decoded.toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/");
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String toString() {
        return "AdminPaths[" + (method == null ? "any" : method) + " " + patterns + "]";
    }
}
