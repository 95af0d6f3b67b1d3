package dev.aigc.gateway.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a client may send through the gateway.
 *
 * @param maxSize       largest request body accepted ({@code GATEWAY_MAX_REQUEST_SIZE}, e.g. {@code 10MB}): 413
 * @param maxUrlLength  longest path plus query ({@code GATEWAY_MAX_URL_LENGTH}, default 4KB): 414
 * @param maxHeaderSize most bytes of header names and values together ({@code GATEWAY_MAX_HEADER_SIZE}, default
 *                      8KB): 431. With the URL limit it stays under the 16KB request head the services accept.
 */
@Validated
@ConfigurationProperties("aigc.gateway.request")
public record RequestLimits(@NotNull DataSize maxSize,
                            @DefaultValue("4KB") @NotNull DataSize maxUrlLength,
                            @DefaultValue("8KB") @NotNull DataSize maxHeaderSize) {
}
