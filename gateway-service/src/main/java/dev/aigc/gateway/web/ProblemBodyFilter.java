package dev.aigc.gateway.web;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Several components end an exchange with an error status and no body: Spring Cloud Gateway's
 * {@code RequestRateLimiter} (429), the CORS processor (403 for a refused origin), Spring Security's firewall (400 for
 * a path such as {@code /api/v1/classifier/../../actuator}, which could otherwise reach a service's actuator). This filter gives such answers a
 * problem document, so that every error the gateway produces itself is {@code application/problem+json}. Responses
 * relayed from a service are never touched: they are written with a body (even an empty one) and so are committed
 * by the time this filter looks.
 */
@Component
class ProblemBodyFilter implements WebFilter, Ordered {

    private final Problems problems;

    ProblemBodyFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse original = exchange.getResponse();
        ServerWebExchange decorated = exchange.mutate().response(new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> setComplete() {
                return needsBody(getDelegate()) ? writeProblem(exchange, getDelegate()) : super.setComplete();
            }
        }).build();
        return chain.filter(decorated)
                .then(Mono.defer(() -> needsBody(original) ? writeProblem(exchange, original) : Mono.empty()));
    }

    private static boolean needsBody(ServerHttpResponse response) {
        HttpStatusCode status = response.getStatusCode();
        return status != null && status.isError() && !response.isCommitted()
                && response.getHeaders().getContentType() == null;
    }

    private Mono<Void> writeProblem(ServerWebExchange exchange, ServerHttpResponse response) {
        HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
        status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        HttpHeaders headers = response.getHeaders();
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        String origin = exchange.getRequest().getHeaders().getOrigin();
        String detail;
        Map<String, Object> extra = Map.of();
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            long seconds = retryAfter == null ? 1 : Long.parseLong(retryAfter);
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            detail = "Rate limit exceeded for this client on this route; retry after " + seconds + " s.";
            extra = Map.of("retryAfterSeconds", seconds);
        } else if (status == HttpStatus.BAD_REQUEST) {
            // Spring Security's firewall refuses such requests before anything routes them
            detail = "The request is malformed: its path must be normalised (no '.' or '..' segments, no encoded "
                    + "'/', '\\', '.' or '%', no ';') and its headers must hold printable characters only.";
        } else if (status == HttpStatus.FORBIDDEN && origin != null) {
            detail = "Cross-origin request from " + origin + " is not allowed by the gateway's CORS settings.";
        } else {
            detail = status.getReasonPhrase();
        }
        return problems.write(exchange, response, status, detail, extra);
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 10;
    }
}
