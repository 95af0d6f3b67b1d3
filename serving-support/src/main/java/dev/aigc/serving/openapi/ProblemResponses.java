package dev.aigc.serving.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.aigc.serving.web.ProblemDetailsAdvice;

/**
 * Documents the errors every operation can answer: 400, 413, 415, 429 and 503 as RFC 9457 {@code ProblemDetail}
 * bodies ({@code application/problem+json}, the shape {@link ProblemDetailsAdvice} and the gateway write), with
 * {@code Retry-After} on 429 and 503. A response an operation already declares keeps its description and content and
 * gains the ProblemDetail content when it lacks it.
 */
public class ProblemResponses implements OpenApiCustomizer {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String SCHEMA = "ProblemDetail";
    static final String VIOLATION = "Violation";

    private static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid input: `detail` says what is wrong, `errors` names the offending fields");
        errors.put("413", "Request body, upload or batch too large");
        errors.put("415", "Unsupported Content-Type for this operation");
        errors.put("429", "Rate limit of the caller's tier exceeded at the gateway; retry after `Retry-After` seconds");
        errors.put("503", "Busy or unavailable (queue full, no model loaded, service down behind the gateway); "
                + "retry after `Retry-After` seconds");
        return errors;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.setComponents(components);
        components.addSchemas(VIOLATION, new ObjectSchema()
                .description("One invalid input")
                .addProperty("field", new StringSchema().description("Field, parameter or body path").example("k"))
                .addProperty("message", new StringSchema().description("Why it is invalid")));
        components.addSchemas(SCHEMA, new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty(ProblemDetailsAdvice.REQUEST_ID, new StringSchema()
                        .description("The X-Request-Id of the request, also in the service's log lines"))
                .addProperty(ProblemDetailsAdvice.ERRORS, new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + VIOLATION))
                        .description("The invalid inputs of a 400")));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ProblemResponses::document));
    }

    private static MediaType problem() {
        return new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA));
    }

    static void document(Operation operation) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        Content success = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .map(e -> e.getValue().getContent()).filter(c -> c != null).findFirst().orElse(new Content());
        responses.forEach((code, response) -> {
            // an error declared without a body type gets springdoc's placeholder, the success type: a ProblemDetail
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() != null) {
                response.getContent().entrySet().removeIf(e -> success.containsKey(e.getKey())
                        && Objects.equals(success.get(e.getKey()).getSchema(), e.getValue().getSchema()));
                response.getContent().remove("*/*");
                if (response.getContent().isEmpty()) {
                    response.getContent().addMediaType(PROBLEM_JSON, problem());
                }
            }
        });
        ERRORS.forEach((code, description) -> {
            ApiResponse response = responses.computeIfAbsent(code, c -> new ApiResponse().description(description));
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(description);
            }
            Content content = response.getContent() != null ? response.getContent() : new Content();
            response.setContent(content);
            if (!content.containsKey(PROBLEM_JSON)) {
                content.addMediaType(PROBLEM_JSON, problem());
            }
            if (List.of("429", "503").contains(code)) {
                response.addHeaderObject("Retry-After", new Header()
                        .description("Seconds to wait before retrying").schema(new IntegerSchema()));
            }
        });
    }
}
