package dev.aigc.gateway.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.aigc.gateway.security.SecurityProperties;

/** The gateway's own OpenAPI document (its status endpoint), with the same API key scheme as the services'. */
@Configuration(proxyBeanMethods = false)
class GatewayOpenApiConfig {

    @Bean
    OpenAPI gatewayOpenApi(SecurityProperties security) {
        OpenAPI openApi = new OpenAPI()
                .info(new Info().title("AIGC gateway").version("v1")
                        .description("Entry point of the AIGC platform. The other documents in this Swagger UI are "
                                + "the services' own, fetched through the gateway.\n\n"
                                + OpenApiRewriteGatewayFilterFactory.accessNote(security.anonymousAccess())))
                .components(new Components().addSecuritySchemes(OpenApiRewriteGatewayFilterFactory.SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name("X-API-Key").description(OpenApiRewriteGatewayFilterFactory.schemeDescription(
                                        security.anonymousAccess()))))
                .addSecurityItem(new SecurityRequirement().addList(OpenApiRewriteGatewayFilterFactory.SCHEME));
        if (security.anonymousAccess()) {
            openApi.addSecurityItem(new SecurityRequirement());
        }
        return openApi;
    }
}
