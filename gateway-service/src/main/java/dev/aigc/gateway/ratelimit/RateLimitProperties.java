package dev.aigc.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets per client (API key, or client address when anonymous) and route.
 *
 * @param backend   {@code memory} (default: buckets in this gateway's heap, no Redis needed) or {@code redis}
 *                  (Spring Cloud Gateway's {@code RedisRateLimiter}; buckets shared by every gateway replica);
 *                  {@code GATEWAY_RATE_LIMIT_BACKEND}
 * @param standard  the read and inference routes
 * @param expensive generation, streaming and training routes
 */
@Validated
@ConfigurationProperties("aigc.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("memory") @NotNull Backend backend,
                                  @Valid @NotNull Tier standard,
                                  @Valid @NotNull Tier expensive) {

    public enum Backend { MEMORY, REDIS }

    /**
     * One bucket shape.
     *
     * @param replenishRate   tokens added per second (the sustained request rate)
     * @param burstCapacity   bucket size (the largest burst)
     * @param requestedTokens tokens one request costs
     */
    public record Tier(@Min(1) @Max(1_000_000) int replenishRate,
                       @Min(1) @Max(10_000_000) int burstCapacity,
                       @DefaultValue("1") @Min(1) int requestedTokens) {

        /** Whole seconds until a request that was just refused could pass, at least 1. */
        long retryAfterSeconds(double tokensLeft) {
            double missing = Math.max(0, requestedTokens - tokensLeft);
            return Math.max(1, (long) Math.ceil(missing / replenishRate));
        }
    }
}
