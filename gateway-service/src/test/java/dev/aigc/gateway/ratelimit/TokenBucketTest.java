package dev.aigc.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final InMemoryRateLimiter limiter =
            new InMemoryRateLimiter(new RateLimitProperties.Tier(2, 4, 1), clock::get);

    @Test
    void shouldAllowABurstThenRefuseWithTheTimeUntilTheNextToken() {
        for (int remaining = 3; remaining >= 0; remaining--) {
            RateLimiter.Response response = limiter.decide("route|alice");
            assertThat(response.isAllowed()).isTrue();
            assertThat(response.getHeaders()).containsEntry("X-RateLimit-Remaining", Integer.toString(remaining));
        }
        RateLimiter.Response refused = limiter.decide("route|alice");
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1")
                .containsEntry("X-RateLimit-Replenish-Rate", "2")
                .containsEntry("X-RateLimit-Burst-Capacity", "4")
                .containsEntry("X-RateLimit-Remaining", "0");
    }

    @Test
    void shouldRefillAtTheReplenishRateButNeverAboveTheBurstCapacity() {
        for (int i = 0; i < 4; i++) {
            limiter.decide("route|bob");
        }
        clock.addAndGet(SECOND / 2); // half a second at 2/s: one token
        assertThat(limiter.decide("route|bob").isAllowed()).isTrue();
        assertThat(limiter.decide("route|bob").isAllowed()).isFalse();

        clock.addAndGet(60 * SECOND); // a long pause fills the bucket, not more
        RateLimiter.Response first = limiter.decide("route|bob");
        assertThat(first.getHeaders()).containsEntry("X-RateLimit-Remaining", "3");
    }

    @Test
    void shouldKeepSeparateBucketsPerRouteAndClient() {
        for (int i = 0; i < 4; i++) {
            limiter.decide("generation|carol");
        }
        assertThat(limiter.decide("generation|carol").isAllowed()).isFalse();
        assertThat(limiter.decide("generation|dave").isAllowed()).isTrue();
        assertThat(limiter.decide("models|carol").isAllowed()).isTrue();
    }

    @Test
    void shouldAskForMoreThanOneSecondWhenOneRequestCostsSeveralTokens() {
        InMemoryRateLimiter costly = new InMemoryRateLimiter(new RateLimitProperties.Tier(1, 5, 5), clock::get);
        assertThat(costly.decide("r|x").isAllowed()).isTrue();
        RateLimiter.Response refused = costly.decide("r|x");
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "5");
    }

    @Test
    void shouldForgetBucketsThatHaveRefilledCompletely() {
        for (int i = 0; i < 100; i++) {
            limiter.decide("route|client-" + i);
        }
        assertThat(limiter.bucketCount()).isEqualTo(100);
        clock.addAndGet(10 * SECOND);
        for (int i = 0; i < 1024; i++) {
            limiter.decide("route|steady");
            clock.addAndGet(SECOND);
        }
        assertThat(limiter.bucketCount()).isLessThanOrEqualTo(1);
    }
}
