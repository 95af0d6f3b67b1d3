package dev.aigc.gateway.ratelimit;

/**
 * One client's bucket on one route: holds up to {@code burstCapacity} tokens, refills continuously at
 * {@code replenishRate} tokens per second, and each request takes {@code requestedTokens}.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private double tokens;
    private long updatedAt;

    TokenBucket(RateLimitProperties.Tier tier, long now) {
        this.tokens = tier.burstCapacity();
        this.updatedAt = now;
    }

    /** The outcome of one request: whether it may pass, whole tokens left, and when to retry if refused. */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    synchronized Decision take(RateLimitProperties.Tier tier, long now) {
        refill(tier, now);
        if (tokens >= tier.requestedTokens()) {
            tokens -= tier.requestedTokens();
            return new Decision(true, (long) tokens, 0);
        }
        return new Decision(false, (long) tokens, tier.retryAfterSeconds(tokens));
    }

    /** Whether the bucket would be full at {@code now}, i.e. indistinguishable from a new one. */
    synchronized boolean isFull(RateLimitProperties.Tier tier, long now) {
        refill(tier, now);
        return tokens >= tier.burstCapacity();
    }

    private void refill(RateLimitProperties.Tier tier, long now) {
        if (now > updatedAt) {
            tokens = Math.min(tier.burstCapacity(), tokens + (now - updatedAt) / NANOS_PER_SECOND * tier.replenishRate());
            updatedAt = now;
        }
    }
}
