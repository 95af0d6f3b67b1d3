package dev.aigc.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/**
 * Token buckets in this gateway's memory, one per route and client, for the embedded platform that runs without
 * Redis. With several gateway replicas each keeps its own buckets, so the effective limit multiplies: use the
 * {@code redis} backend there. Buckets that have refilled completely are dropped now and then (a full bucket is the
 * same as a new one), so memory follows the number of recently active clients.
 */
public final class InMemoryRateLimiter implements RateLimiter<RateLimitProperties.Tier> {

    private static final int SWEEP_EVERY = 1024;

    private final RateLimitProperties.Tier tier;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong decisions = new AtomicLong();

    public InMemoryRateLimiter(RateLimitProperties.Tier tier) {
        this(tier, System::nanoTime);
    }

    InMemoryRateLimiter(RateLimitProperties.Tier tier, LongSupplier nanoClock) {
        this.tier = tier;
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return Mono.fromSupplier(() -> decide(routeId + '|' + id));
    }

    Response decide(String key) {
        long now = nanoClock.getAsLong();
        TokenBucket.Decision decision = buckets.computeIfAbsent(key, k -> new TokenBucket(tier, now)).take(tier, now);
        if (decisions.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(bucket -> bucket.isFull(tier, now));
        }
        return new Response(decision.allowed(), RateLimitHeaders.of(tier, decision.remaining(),
                decision.allowed() ? null : decision.retryAfterSeconds()));
    }

    int bucketCount() {
        return buckets.size();
    }

    @Override
    public Map<String, RateLimitProperties.Tier> getConfig() {
        return Map.of();
    }

    @Override
    public Class<RateLimitProperties.Tier> getConfigClass() {
        return RateLimitProperties.Tier.class;
    }

    @Override
    public RateLimitProperties.Tier newConfig() {
        return tier;
    }
}
