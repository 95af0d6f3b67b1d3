package dev.aigc.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} (its Lua token-bucket script, keys per route and client, shared
 * by every gateway replica) for one tier, plus the {@code Retry-After} it does not send. Like the original it lets
 * requests through when Redis cannot be reached, so a Redis outage never stops the platform.
 */
public final class RedisTierRateLimiter implements RateLimiter<RedisRateLimiter.Config> {

    private final RedisRateLimiter redis;
    private final RateLimitProperties.Tier tier;

    public RedisTierRateLimiter(RateLimitProperties.Tier tier, ApplicationContext context) {
        this.tier = tier;
        this.redis = new RedisRateLimiter(tier.replenishRate(), tier.burstCapacity(), tier.requestedTokens());
        this.redis.setApplicationContext(context); // finds the script and the reactive Redis template
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return redis.isAllowed(routeId, id).map(response -> {
            if (response.isAllowed()) {
                return response;
            }
            Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(tier.retryAfterSeconds(0)));
            return new Response(false, headers);
        });
    }

    @Override
    public Map<String, RedisRateLimiter.Config> getConfig() {
        return redis.getConfig();
    }

    @Override
    public Class<RedisRateLimiter.Config> getConfigClass() {
        return redis.getConfigClass();
    }

    @Override
    public RedisRateLimiter.Config newConfig() {
        return redis.newConfig();
    }
}
