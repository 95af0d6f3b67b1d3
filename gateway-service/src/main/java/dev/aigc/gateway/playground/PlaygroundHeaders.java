package dev.aigc.gateway.playground;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The playground page's Content-Security-Policy: scripts, styles, fonts and API calls from the gateway itself only,
 * images also from {@code data:} and {@code blob:} URLs (the PNGs the APIs return, a photo being uploaded), no
 * inline script or style, no plugins, no framing, no third-party origin anywhere. Applied to the page and its assets
 * only: Swagger UI keeps its own needs.
 */
@Component
class PlaygroundHeaders implements WebFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'");

    /** Where the page and its assets live ({@code src/main/resources/static}). */
    static final List<String> PATHS = List.of("/", "/index.html", "/playground/**");

    private final List<PathPattern> patterns = PATHS.stream().map(PathPatternParser.defaultInstance::parse).toList();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (patterns.stream().anyMatch(p -> p.matches(exchange.getRequest().getPath().pathWithinApplication()))) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
        }
        return chain.filter(exchange);
    }
}
