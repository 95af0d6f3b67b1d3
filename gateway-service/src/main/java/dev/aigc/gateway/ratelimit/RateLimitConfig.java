package dev.aigc.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The two limiter tiers the routes refer to ({@code #{@standardRateLimiter}}, {@code #{@expensiveRateLimiter}})
 * and the client key resolver ({@code #{@clientKeyResolver}}), on the backend the configuration chooses.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfig.class);

    @Bean
    @Primary
    RateLimiter<?> standardRateLimiter(RateLimitProperties properties, ApplicationContext context) {
        return limiter(properties, properties.standard(), context, "standard");
    }

    @Bean
    RateLimiter<?> expensiveRateLimiter(RateLimitProperties properties, ApplicationContext context) {
        return limiter(properties, properties.expensive(), context, "expensive");
    }

    @Bean
    @Primary
    KeyResolver clientKeyResolver() {
        return new ClientKeyResolver();
    }

    private static RateLimiter<?> limiter(RateLimitProperties properties, RateLimitProperties.Tier tier,
                                          ApplicationContext context, String name) {
        log.info("Rate limit tier {}: {} requests/s, bursts of {}, {} backend", name, tier.replenishRate(),
                tier.burstCapacity(), properties.backend().name().toLowerCase());
        return properties.backend() == RateLimitProperties.Backend.REDIS
                ? new RedisTierRateLimiter(tier, context)
                : new InMemoryRateLimiter(tier);
    }
}
