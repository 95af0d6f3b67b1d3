package dev.aigc.gateway.ratelimit;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.RedisServer;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production limiter: Spring Cloud Gateway's RedisRateLimiter against a real Redis, in the compose/Kubernetes
 * posture (anonymous access off). Skipped, with the reason, where {@code redis-server} is not installed.
 */
@TestPropertySource(properties = {
        "aigc.gateway.rate-limit.backend=redis",
        "aigc.gateway.security.anonymous-access=false",
        "spring.data.redis.host=127.0.0.1"})
class RedisRateLimitTest extends GatewayTestSupport {

    @Autowired
    private ReactiveStringRedisTemplate redis;

    @Autowired
    private List<RateLimiter<?>> limiters;

    @BeforeAll
    static void needsRedis() {
        Assumptions.assumeTrue(RedisServer.start().isPresent(), RedisServer.MISSING);
    }

    @DynamicPropertySource
    static void redisPort(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> RedisServer.start().map(RedisServer::port).orElse(1));
    }

    @Test
    void shouldUseRedisBackedLimitersForBothTiers() {
        assertThat(limiters).filteredOn(RedisTierRateLimiter.class::isInstance).hasSize(2);
        assertThat(limiters).noneMatch(InMemoryRateLimiter.class::isInstance);
    }

    @Test
    void shouldKeepTheBucketsInRedisAndRefuseTheFourthGenerationWith429() {
        QuotaAssertions.burstThenRefusal(this::generate, LIMIT_KEY);
        assertThat(StubServices.GAN.count("POST", "/api/v1/gan/generations")).isEqualTo(3);

        List<String> keys = redis.keys("request_rate_limiter*").collectList().block();
        assertThat(keys).anySatisfy(key -> assertThat(key).contains("gan-generation").contains("key-")
                .doesNotContain(LIMIT_KEY));

        generate(USER_KEY).expectStatus().isOk();
    }

    @Test
    void shouldStillRequireAKeyInThisPosture() {
        client.post().uri("/api/v1/gan/generations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec generate(String key) {
        return client.post().uri("/api/v1/gan/generations").header(API_KEY, key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":1}").exchange();
    }
}
