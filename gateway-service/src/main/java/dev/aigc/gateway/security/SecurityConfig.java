package dev.aigc.gateway.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import dev.aigc.gateway.web.Problems;

/**
 * API keys and roles in front of every route. Stateless: no session, no cookie, no CSRF token (nothing is
 * authenticated by a cookie). The rules, first match wins:
 * <ul>
 *   <li>health probes, Prometheus scraping, the OpenAPI documents, Swagger UI and the playground page: anyone;</li>
 *   <li>model activation, GAN training jobs, knowledge-base document changes, other actuator endpoints: admin;</li>
 *   <li>everything else (the read and inference APIs, {@code /api/v1/status}): user (or admin).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    ApiKeys apiKeys(SecurityProperties properties) {
        ApiKeys keys = ApiKeys.from(properties);
        log.info("API keys: {} ({} admin, {} user); anonymous user access {}", keys.size(), keys.count(Role.ADMIN),
                keys.count(Role.USER), properties.anonymousAccess() ? "ON" : "off");
        if (keys.size() == 0 && !properties.anonymousAccess()) {
            log.warn("No API keys are configured and anonymous access is off: every API call will be refused");
        }
        return keys;
    }

    @Bean
    ApiKeyAuthenticationManager apiKeyAuthenticationManager(ApiKeys keys) {
        return new ApiKeyAuthenticationManager(keys);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(properties.allowedMethods());
        cors.addAllowedHeader(CorsConfiguration.ALL);
        cors.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, "X-RateLimit-Remaining",
                "X-RateLimit-Replenish-Rate", "X-RateLimit-Burst-Capacity", "X-RateLimit-Requested-Tokens"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ApiKeyAuthenticationManager manager,
                                                  SecurityProperties properties, Problems problems,
                                                  CorsConfigurationSource cors) {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(manager);
        apiKeyFilter.setServerAuthenticationConverter(exchange -> Mono
                .justOrEmpty(exchange.getRequest().getHeaders().getFirst(ProblemSecurityHandlers.API_KEY_HEADER))
                .map(ApiKeyAuthentication::presented));
        apiKeyFilter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(handlers));
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(cors))
                // caching is the services' call (a PNG grid may be cacheable); keep the other safe defaults
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(spec -> spec.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .authorizeExchange(rules -> rules
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, "/", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/**").permitAll()
                        // the playground page and its static assets; the page sends the key itself on API calls
                        .pathMatchers(HttpMethod.GET, "/index.html", "/playground/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        // admin rules match normalised paths (case, trailing and repeated slashes, escapes)
                        .matchers(AdminPaths.of(null, "/actuator/**")).hasRole("ADMIN")
                        .matchers(AdminPaths.of(HttpMethod.POST, "/api/v1/*/models/*/activate")).hasRole("ADMIN")
                        .matchers(AdminPaths.of(null, "/api/v1/gan/training-jobs", "/api/v1/gan/training-jobs/**"))
                        .hasRole("ADMIN")
                        .matchers(AdminPaths.of(HttpMethod.POST, "/api/v1/qa/documents", "/api/v1/qa/documents/**"))
                        .hasRole("ADMIN")
                        .matchers(AdminPaths.of(HttpMethod.DELETE, "/api/v1/qa/documents", "/api/v1/qa/documents/**"))
                        .hasRole("ADMIN")
                        .anyExchange().hasRole("USER"));
        if (properties.anonymousAccess()) {
            http.anonymous(anonymous -> anonymous.principal("anonymous").authorities("ROLE_USER"));
        }
        return http.build();
    }
}
