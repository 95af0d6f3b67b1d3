package dev.aigc.gateway.web;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@code Retry-After} a 503 for a service advertises: how long that service's circuit breaker stays open
 * before it lets trial calls through again, in whole seconds (at least one).
 */
@Component
class UnavailableRetryAfter {

    private static final long WITHOUT_BREAKERS = 5;

    private final ObjectProvider<CircuitBreakerRegistry> registry;

    UnavailableRetryAfter(ObjectProvider<CircuitBreakerRegistry> registry) {
        this.registry = registry;
    }

    long seconds(String service) {
        CircuitBreakerRegistry breakers = registry.getIfAvailable();
        if (breakers == null) {
            return WITHOUT_BREAKERS;
        }
        CircuitBreakerConfig config = breakers.find(service)
                .map(CircuitBreaker::getCircuitBreakerConfig)
                .orElseGet(breakers::getDefaultConfig);
        long millis = config.getWaitIntervalFunctionInOpenState().apply(1);
        return Math.max(1, (millis + 999) / 1000);
    }
}
