package dev.aigc.gateway.support;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a random port in front of the {@link StubServices}, with {@code application-test.yml}.
 * Subclasses that add no configuration of their own share one application context. Before each test the stubs
 * forget their requests and scripts and every circuit breaker is closed again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class GatewayTestSupport {

    public static final String API_KEY = "X-API-Key";
    public static final String USER_KEY = "user-key-0123456789abcdef";
    public static final String ADMIN_KEY = "admin-key-0123456789abcdef";
    /** A key only the rate-limit tests use, so that their buckets start full. */
    public static final String LIMIT_KEY = "limit-key-0123456789abcdef";

    @LocalServerPort
    protected int port;

    @Autowired
    private CircuitBreakerRegistry breakers;

    protected WebTestClient client;

    @DynamicPropertySource
    static void stubServices(DynamicPropertyRegistry registry) {
        StubServices.register(registry);
    }

    @BeforeEach
    void resetWorld() {
        StubServices.resetAll();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        client = WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
