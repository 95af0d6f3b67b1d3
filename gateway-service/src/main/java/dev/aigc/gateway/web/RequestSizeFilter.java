package dev.aigc.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over {@link RequestLimits#maxSize()} (413) before anything reads or buffers them, and
 * bodies whose size is not declared (chunked uploads, 411), since those could not be checked without reading them.
 * Runs ahead of authentication so that an unauthenticated client cannot make the gateway read a huge body either.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

    private final Problems problems;
    private final long maxBytes;

    RequestSizeFilter(Problems problems, RequestLimits limits) {
        this.problems = problems;
        this.maxBytes = limits.maxSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long length = headers.getContentLength();
        if (length > maxBytes) {
            return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body has " + length + " bytes; the gateway accepts at most " + maxBytes + ".");
        }
        if (length < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return problems.write(exchange, HttpStatus.LENGTH_REQUIRED,
                    "Request bodies must declare their size in Content-Length (at most " + maxBytes + " bytes).");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 20;
    }
}
