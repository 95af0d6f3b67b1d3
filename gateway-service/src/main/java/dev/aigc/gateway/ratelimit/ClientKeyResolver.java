package dev.aigc.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;

import dev.aigc.gateway.security.ApiKeyAuthentication;

/**
 * Whose bucket a request draws from: the API key's client id ({@code key-…}, a digest prefix, never the key), or
 * for anonymous callers their address ({@code ip-…}). The address is the TCP peer unless
 * {@code server.forward-headers-strategy} trusts a proxy's forwarded headers.
 */
class ClientKeyResolver implements KeyResolver {

    private static final Logger log = LoggerFactory.getLogger(ClientKeyResolver.class);

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(ApiKeyAuthentication.class::isInstance)
                .map(principal -> ((ApiKeyAuthentication) principal).clientId())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip-" + address(exchange)))
                // handle (unlike doOnNext) restores the Reactor context into the MDC, so the line carries the request id
                .handle((key, sink) -> {
                    log.debug("Rate limit bucket of {}", key);
                    sink.next(key);
                });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
