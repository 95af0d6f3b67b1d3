package dev.aigc.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default in-memory limiter, through the real RequestRateLimiter filter. The test's expensive tier refills one
 * token a second, holds 30 and charges 10 per generation: three in a burst, then one every ten seconds.
 */
class InMemoryRateLimitTest extends GatewayTestSupport {

    @Test
    void shouldRefuseTheFourthGenerationInABurstWith429AndTheQuotaHeaders() {
        QuotaAssertions.burstThenRefusal(this::generate, LIMIT_KEY);
        assertThat(StubServices.GAN.count("POST", "/api/v1/gan/generations")).isEqualTo(3);

        // another client has its own bucket; the cheap routes have their own, roomier tier
        generate(ADMIN_KEY).expectStatus().isOk();
        client.get().uri("/api/v1/gan/models").header(API_KEY, LIMIT_KEY).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Replenish-Rate", "1000");
    }

    private WebTestClient.ResponseSpec generate(String key) {
        return client.post().uri("/api/v1/gan/generations").header(API_KEY, key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":1,\"digit\":7}").exchange();
    }
}
