package dev.aigc.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;

/** The quota headers, named as Spring Cloud Gateway's {@link RedisRateLimiter} names them, plus Retry-After. */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static Map<String, String> of(RateLimitProperties.Tier tier, long remaining, Long retryAfterSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RedisRateLimiter.REMAINING_HEADER, Long.toString(remaining));
        headers.put(RedisRateLimiter.REPLENISH_RATE_HEADER, Integer.toString(tier.replenishRate()));
        headers.put(RedisRateLimiter.BURST_CAPACITY_HEADER, Integer.toString(tier.burstCapacity()));
        headers.put(RedisRateLimiter.REQUESTED_TOKENS_HEADER, Integer.toString(tier.requestedTokens()));
        if (retryAfterSeconds != null) {
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}
