package dev.aigc.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the APIs through the gateway.
 *
 * @param anonymousAccess whether a request without {@code X-API-Key} is served with the {@code user} role
 *                        ({@code GATEWAY_ANONYMOUS_ACCESS}; on in the embedded configuration, off in the
 *                        {@code docker} and {@code k8s} profiles). A key that is present but wrong is refused either way.
 * @param apiKeys         entries {@code key:role}, role {@code user} or {@code admin}
 *                        ({@code GATEWAY_API_KEYS="key1:admin,key2:user"})
 * @param apiKeysFile     a file with one {@code key:role} per line, {@code #} comments allowed, e.g. a mounted
 *                        secret ({@code GATEWAY_API_KEYS_FILE}); its entries add to {@code apiKeys}
 */
@ConfigurationProperties("aigc.gateway.security")
public record SecurityProperties(@DefaultValue("true") boolean anonymousAccess,
                                 @DefaultValue List<String> apiKeys,
                                 String apiKeysFile) {
}
