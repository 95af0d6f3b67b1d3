package dev.aigc.gateway.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a client may send through the gateway.
 *
 * @param maxSize largest request body accepted ({@code GATEWAY_MAX_REQUEST_SIZE}, e.g. {@code 10MB})
 */
@Validated
@ConfigurationProperties("aigc.gateway.request")
public record RequestLimits(@NotNull DataSize maxSize) {
}
