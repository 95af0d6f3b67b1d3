package dev.aigc.gateway.docs;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Route filter {@code OpenApiRewrite}: adapts a service's OpenAPI document, fetched through the gateway, for the
 * gateway's Swagger UI. Its {@code servers} list becomes the gateway's own address ({@link DocsProperties#publicUrl()},
 * else the address the request came to), so "Try it out" goes through the gateway with its API keys, limits and
 * breakers; and it gains an {@code ApiKey} security
 * scheme for the {@code X-API-Key} header, required by every operation, so Swagger UI offers a field for the key.
 * Error answers and bodies that are not JSON pass unchanged.
 */
@Component
class OpenApiRewriteGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String SCHEME = "ApiKey";

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper json;
    private final DocsProperties properties;

    OpenApiRewriteGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json,
                                       DocsProperties properties) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
        this.json = json;
        this.properties = properties;
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
                .put("description", "API key issued by the platform operator (role user or admin)");
        doc.putArray("security").addObject().putArray(SCHEME);
        return json.writeValueAsString(doc);
    }

    static String gatewayUrl(ServerWebExchange exchange) {
        return UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                .replacePath(null).replaceQuery(null).fragment(null)
                .build().toUriString();
    }
}
