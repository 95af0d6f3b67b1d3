package dev.aigc.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

/** Turns a presented {@code X-API-Key} into the key's role, or fails with 401 when no configured key matches. */
class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiKeys keys;

    ApiKeyAuthenticationManager(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof ApiKeyAuthentication presented) || presented.presentedKey() == null) {
            return Mono.empty();
        }
        return Mono.fromSupplier(() -> keys.find(presented.presentedKey()))
                .flatMap(match -> match.<Mono<Authentication>>map(m -> Mono.just(ApiKeyAuthentication.matched(m)))
                        .orElseGet(() -> Mono.error(new BadCredentialsException("The API key is not valid."))));
    }
}
