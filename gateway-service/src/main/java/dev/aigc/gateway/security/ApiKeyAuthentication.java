package dev.aigc.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request's API key: unauthenticated while it carries the presented key, authenticated once the key matched,
 * when it keeps only the client id and role (the key itself is dropped).
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String presentedKey;
    private final String clientId;
    private final Role role;

    private ApiKeyAuthentication(String presentedKey, String clientId, Role role) {
        super(role == null ? List.of() : role.authorities());
        this.presentedKey = presentedKey;
        this.clientId = clientId;
        this.role = role;
        setAuthenticated(role != null);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null, null);
    }

    static ApiKeyAuthentication matched(ApiKeys.Match match) {
        return new ApiKeyAuthentication(null, match.clientId(), match.role());
    }

    String presentedKey() {
        return presentedKey;
    }

    /** A stable, non-secret name for the key's holder (a digest prefix), e.g. {@code key-3f9a0c12be41}. */
    public String clientId() {
        return clientId;
    }

    public Role role() {
        return role;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return clientId;
    }

    @Override
    public String getName() {
        return clientId == null ? "unauthenticated" : clientId;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[" + getName() + ", " + role + "]";
    }
}
