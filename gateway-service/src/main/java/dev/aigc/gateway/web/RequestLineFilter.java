package dev.aigc.gateway.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, with a problem document, requests that nothing behind the gateway could answer sensibly:
 * <ul>
 *   <li>a path whose percent-escapes are not valid UTF-8 ({@code %ff%fe}, the overlong {@code %c0%ae}) or not escapes
 *       at all ({@code %zz}): 400. Routing and the role rules match decoded paths, so an undecodable one must never
 *       reach them (the services' servlet container would answer it with an HTML page);</li>
 *   <li>a request target (path and query) longer than {@link RequestLimits#maxUrlLength()}: 414;</li>
 *   <li>header names and values together longer than {@link RequestLimits#maxHeaderSize()}: 431.</li>
 * </ul>
 * Netty's own limits (set higher, in {@code server.netty.max-initial-line-length} and
 * {@code server.max-http-request-header-size}) would answer these with an empty body; they stay only as the last
 * guard against absurd sizes. The limits are kept below what the services' Tomcat accepts, so that a request the
 * gateway lets through is never refused there for its size.
 */
@Component
class RequestLineFilter implements WebFilter, Ordered {

    private final Problems problems;
    private final int maxUrlLength;
    private final long maxHeaderBytes;

    RequestLineFilter(Problems problems, RequestLimits limits) {
        this.problems = problems;
        this.maxUrlLength = (int) limits.maxUrlLength().toBytes();
        this.maxHeaderBytes = limits.maxHeaderSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getURI().getRawPath();
        String rawQuery = request.getURI().getRawQuery();
        int length = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (length > maxUrlLength) {
            return problems.write(exchange, HttpStatus.URI_TOO_LONG, "The request's path and query have " + length
                    + " characters; the gateway accepts at most " + maxUrlLength + ".", Map.of());
        }
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4; // ": " and CRLF
            }
        }
        if (headerBytes > maxHeaderBytes) {
            return problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request's headers have "
                    + headerBytes + " bytes; the gateway accepts at most " + maxHeaderBytes + ".", Map.of());
        }
        String problem = rawPath == null ? null : encodingProblem(rawPath);
        if (problem != null) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "The request path " + problem
                    + "; percent-escapes must spell UTF-8 bytes (for example %E4%B8%AD for 中).", Map.of());
        }
        return chain.filter(exchange);
    }

    /** Null when every escape in {@code rawPath} is {@code %XX} and the decoded bytes are UTF-8; else the problem. */
    static String encodingProblem(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(rawPath.length() * 3);
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
                        || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                    return "has a '%' that does not start a %XX escape";
                }
                bytes.put((byte) Integer.parseInt(rawPath, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return null;
        } catch (CharacterCodingException e) {
            return "has percent-escapes that are not valid UTF-8";
        }
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 5;
    }
}
