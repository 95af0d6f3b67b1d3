package dev.aigc.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem documents ({@code application/problem+json}) for everything the gateway answers by
 * itself: authentication and authorisation failures, rate limiting, size limits, unavailable services, unknown
 * paths. Every document carries the request id.
 */
@Component
public class Problems {

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    /** The problem document as an ordered map: type, title, status, detail, instance, requestId, then extras. */
    public Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String detail,
                                    Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(extra);
        return body;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, exchange.getResponse(), status, detail, Map.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, Map<String, ?> extra) {
        return write(exchange, exchange.getResponse(), status, detail, extra);
    }

    /** Writes to {@code response}, which may be an undecorated delegate of the exchange's response. */
    public Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, HttpStatus status,
                            String detail, Map<String, ?> extra) {
        byte[] bytes = json.writeValueAsBytes(body(exchange, status, detail, extra));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
