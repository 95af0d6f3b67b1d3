package dev.aigc.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access for the web apps that call the APIs from a browser.
 *
 * @param allowedOrigins origin patterns ({@code GATEWAY_CORS_ALLOWED_ORIGINS}, comma separated), e.g.
 *                       {@code https://app.example.com} or {@code http://localhost:[*]}; empty refuses every
 *                       cross-origin call
 * @param allowedMethods methods a cross-origin call may use
 * @param maxAge         how long browsers may cache a preflight answer
 */
@ConfigurationProperties("aigc.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins,
                             @DefaultValue({"GET", "POST", "PUT", "DELETE"}) List<String> allowedMethods,
                             @DefaultValue("1h") Duration maxAge) {
}
