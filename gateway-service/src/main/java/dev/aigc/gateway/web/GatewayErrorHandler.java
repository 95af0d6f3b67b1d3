package dev.aigc.gateway.web;

import java.util.Map;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's one error mapping: every exception that reaches the web layer becomes a problem document.
 *
 * <p>For a routed request this is also the circuit breakers' fallback: a service that refuses connections, drops
 * them, or whose breaker is open answers 503 naming the service (with {@code Retry-After}); one that does not answer
 * within its route's {@code response-timeout} answers 504. Anything else keeps its status (404 for unknown paths,
 * and so on); unexpected exceptions are 500 and logged with the request id.
 */
@Component
@Order(-2) // ahead of Spring Boot's own handler (-1)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final Problems problems;
    private final UnavailableRetryAfter retryAfter;

    GatewayErrorHandler(Problems problems, UnavailableRetryAfter retryAfter) {
        this.problems = problems;
        this.retryAfter = retryAfter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.MDC_KEY, String.valueOf(RequestIds.of(exchange)))) {
            if (exchange.getResponse().isCommitted()) {
                log.warn("{} {} failed after the response started: {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), Failures.describe(ex));
                return Mono.error(ex);
            }
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            Object service = route == null ? null : route.getMetadata().get("service");
            if (service != null && Failures.isTimeout(ex)) {
                long timeout = Long.parseLong(String.valueOf(route.getMetadata().get("response-timeout")));
                log.warn("{} did not answer within {} ms", service, timeout);
                return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT,
                        "The " + service + " service did not answer within " + timeout + " ms.",
                        Map.of("service", service, "timeoutMillis", timeout));
            }
            if (service != null && Failures.hasCause(ex, BulkheadFullException.class)) {
                log.warn("{} has too many calls in flight: {}", service, Failures.describe(ex));
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        "The gateway already has the most concurrent calls it allows to the " + service
                                + " service in flight; retry later.",
                        Map.of("service", service));
            }
            if (service != null && Failures.isUnavailable(ex)) {
                boolean open = Failures.hasCause(ex, CallNotPermittedException.class)
                        || ex instanceof ServiceUnavailableException;
                log.warn("{} unavailable: {}", service, Failures.describe(ex));
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                        Long.toString(retryAfter.seconds(service.toString())));
                return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        "The " + service + " service is unavailable ("
                                + (open ? "circuit breaker open" : "it could not be reached") + "); retry later.",
                        Map.of("service", service));
            }
            if (ex instanceof ResponseStatusException rse) {
                HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
                status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
                String detail = status == HttpStatus.NOT_FOUND
                        ? "Nothing is served at " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath() + "."
                        : rse.getReason() != null ? rse.getReason() : status.getReasonPhrase();
                rse.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
                return problems.write(exchange, status, detail);
            }
            log.error("Unexpected failure of {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    ex);
            return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                    "The gateway failed unexpectedly; the request id identifies the failure in its log.");
        }
    }
}
