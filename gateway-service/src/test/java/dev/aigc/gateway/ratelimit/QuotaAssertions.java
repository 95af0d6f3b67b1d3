package dev.aigc.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What both limiter backends must do with the test's expensive tier (1 token/s, 30 tokens, 10 per request). */
final class QuotaAssertions {

    private QuotaAssertions() {
    }

    static void burstThenRefusal(Function<String, WebTestClient.ResponseSpec> generate, String key) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            generate.apply(key).expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "30")
                    .expectHeader().valueEquals("X-RateLimit-Replenish-Rate", "1")
                    .expectHeader().valueEquals("X-RateLimit-Requested-Tokens", "10")
                    .expectHeader().value("X-RateLimit-Remaining", value -> remaining.add(Integer.valueOf(value)));
        }
        // 20, 10, 0 plus whatever trickled back while the requests ran
        assertThat(remaining.get(0)).isBetween(20, 29);
        assertThat(remaining).isSortedAccordingTo((a, b) -> b - a).doesNotHaveDuplicates();
        assertThat(remaining.get(2)).isLessThan(10);

        generate.apply(key).expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", value -> assertThat(Integer.parseInt(value)).isBetween(1, 10))
                .expectHeader().value("X-RateLimit-Remaining", value -> assertThat(Integer.parseInt(value))
                        .isLessThan(10))
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "30")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.retryAfterSeconds").isNumber()
                .jsonPath("$.requestId").isNotEmpty();
    }
}
