package dev.aigc.serving.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document conventions every service shares (springdoc on the classpath): ProblemDetail error responses
 * on each operation and request examples where Swagger UI and client generators find them. Each service names
 * itself with {@code @OpenAPIDefinition} on its application class.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ServingOpenApiAutoConfiguration {

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    RequestExamples requestExamples() {
        return new RequestExamples();
    }
}
