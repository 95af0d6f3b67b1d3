package dev.aigc.gateway.docs;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import dev.aigc.gateway.security.SecurityProperties;

/**
 * Route filter {@code OpenApiRewrite}: adapts a service's OpenAPI document, fetched through the gateway, for the
 * gateway's Swagger UI. Its {@code servers} list becomes the gateway's own address ({@link DocsProperties#publicUrl()},
 * else the address the request came to), so "Try it out" goes through the gateway with its API keys, limits and
 * breakers; and it gains an {@code ApiKey} security
 * scheme for the {@code X-API-Key} header, so Swagger UI offers a field for the key: required by every operation when
 * anonymous access is off, optional when it is on (the embedded default), which the document's description says.
 * Error answers and bodies that are not JSON pass unchanged.
 */
@Component
class OpenApiRewriteGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String SCHEME = "ApiKey";

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper json;
    private final DocsProperties properties;
    private final boolean anonymousAccess;

    OpenApiRewriteGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json,
                                       DocsProperties properties, SecurityProperties security) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
        this.json = json;
        this.properties = properties;
        this.anonymousAccess = security.anonymousAccess();
    }

    @Override
    public GatewayFilter apply(Object ignored) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class,
                        (exchange, body) -> Mono.justOrEmpty(rewrite(exchange, body))));
    }

    String rewrite(ServerWebExchange exchange, String body) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (body == null || status == null || !status.is2xxSuccessful()) {
            return body;
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException notJson) {
            return body;
        }
        if (!(tree instanceof ObjectNode doc)) {
            return body;
        }
        doc.putArray("servers").addObject()
                .put("url", properties.publicUrl() != null ? properties.publicUrl().toString() : gatewayUrl(exchange))
                .put("description", "AIGC gateway");
        ObjectNode components = doc.get("components") instanceof ObjectNode c ? c : doc.putObject("components");
        ObjectNode schemes = components.get("securitySchemes") instanceof ObjectNode s ? s
                : components.putObject("securitySchemes");
        schemes.putObject(SCHEME)
                .put("type", "apiKey")
                .put("in", "header")
                .put("name", "X-API-Key")
                .put("description", schemeDescription(anonymousAccess));
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray(SCHEME);
        if (anonymousAccess) {
            security.addObject(); // the key is optional: {} is the "no security" alternative
        }
        ObjectNode info = doc.get("info") instanceof ObjectNode i ? i : doc.putObject("info");
        String description = info.path("description").asString("");
        info.put("description", (description.isBlank() ? "" : description + "\n\n") + accessNote(anonymousAccess));
        return json.writeValueAsString(doc);
    }

    static String schemeDescription(boolean anonymousAccess) {
        return "API key issued by the platform operator (role user or admin)." + (anonymousAccess
                ? " Not needed with this gateway's configuration (the embedded default, GATEWAY_ANONYMOUS_ACCESS=true)"
                + " except for admin operations: leave it empty." : " Required by this gateway for every call.");
    }

    static String accessNote(boolean anonymousAccess) {
        return anonymousAccess
                ? "**Access through this gateway:** no API key is needed. The gateway runs with anonymous access on "
                + "(the embedded default): calls without `X-API-Key` get the `user` role. Only admin operations "
                + "(activating model versions, training jobs, adding or deleting documents) need an admin key "
                + "(Authorize). The `docker` and `k8s` profiles turn anonymous access off."
                : "**Access through this gateway:** every call needs an `X-API-Key` (Authorize); admin operations "
                + "(activating model versions, training jobs, adding or deleting documents) need an admin key.";
    }

    static String gatewayUrl(ServerWebExchange exchange) {
        return UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                .replacePath(null).replaceQuery(null).fragment(null)
                .build().toUriString();
    }
}
