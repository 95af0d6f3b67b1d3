package dev.aigc.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import dev.aigc.gateway.web.Problems;

/** 401 and 403 as problem documents, with the reason in words and never the key that was sent. */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String API_KEY_HEADER = "X-API-Key";

    private final Problems problems;

    ProblemSecurityHandlers(Problems problems) {
        this.problems = problems;
    }

    /** 401: no key where one is needed, or a key that matches none configured. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + API_KEY_HEADER + "\"");
        String detail = ex instanceof BadCredentialsException
                ? "The API key in " + API_KEY_HEADER + " is not valid."
                : "This endpoint needs an API key in the " + API_KEY_HEADER + " header.";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    /** 403: a valid key whose role does not allow the call. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return exchange.getPrincipal()
                .map(principal -> principal instanceof ApiKeyAuthentication key ? key.role().toString() : "anonymous")
                .defaultIfEmpty("anonymous")
                .flatMap(role -> problems.write(exchange, HttpStatus.FORBIDDEN,
                        "The role '" + role + "' may not call " + exchange.getRequest().getMethod() + " "
                                + exchange.getRequest().getPath() + "; it needs the admin role."));
    }
}
