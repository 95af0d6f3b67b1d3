package dev.aigc.gateway.docs;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the gateway's address as browsers reach it ({@code GATEWAY_PUBLIC_URL}, e.g.
 *                  {@code https://aigc.example.com}); when absent, each OpenAPI document names the address its own
 *                  request came to
 */
@ConfigurationProperties("aigc.gateway.docs")
public record DocsProperties(URI publicUrl) {
}
