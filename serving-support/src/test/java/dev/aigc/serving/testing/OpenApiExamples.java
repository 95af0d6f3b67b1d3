package dev.aigc.serving.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests a user sends by pressing "Try it out" then "Execute" in Swagger UI without changing anything: for each
 * operation of an OpenAPI document, the parameters' examples and, per request media type that can be typed in (JSON,
 * text), each body example, taken the way Swagger UI takes it (the media type's {@code example} or {@code examples},
 * else the schema's example, else a sample built from the properties' examples, enums, defaults and types).
 * Operations a user cannot send unchanged (a required parameter without an example, only file uploads) are listed
 * as {@link #unexemplified()} instead.
 */
public final class OpenApiExamples {

    /** One example request; {@code body} and {@code contentType} are null without a body. */
    public record Request(String operation, String method, String pathAndQuery, Map<String, String> headers,
                          String contentType, String body) {

        @Override
        public String toString() {
            return operation + (contentType == null ? "" : " [" + contentType + "]");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ORDER = List.of("get", "head", "post", "put", "patch", "delete");

    private final JsonNode document;
    private final List<Request> requests = new ArrayList<>();
    private final List<String> unexemplified = new ArrayList<>();

    private OpenApiExamples(JsonNode document) {
        this.document = document;
        List<String[]> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (ORDER.contains(operation.getKey())) {
                    operations.add(new String[] {operation.getKey(), path.getKey()});
                }
            }
        }
        // reads first, deletions last, as a user exploring the document would
        operations.sort(Comparator.comparingInt((String[] o) -> ORDER.indexOf(o[0])).thenComparing(o -> o[1]));
        for (String[] operation : operations) {
            add(operation[0], operation[1]);
        }
    }

    /** The example requests of {@code document} (an OpenAPI 3 document as JSON text). */
    public static OpenApiExamples of(String document) {
        return new OpenApiExamples(JSON.readTree(document));
    }

    public List<Request> requests() {
        return requests;
    }

    /** "METHOD /path: why" for each operation that offers no example a user could send unchanged. */
    public List<String> unexemplified() {
        return unexemplified;
    }

    /**
     * What breaks the platform's document conventions: a missing title, version or description; an operation
     * without a declared and described tag, with an operationId that makes clients' method names awkward
     * ({@code list_1}, {@code list}), without the ProblemDetail responses 400/413/415/429/503, or with a response
     * declared as
     * {@code *}{@code /*}. Empty when the document follows them.
     */
    public List<String> conventionProblems() {
        List<String> problems = new ArrayList<>();
        JsonNode info = document.path("info");
        for (String field : List.of("title", "version", "description")) {
            if (info.path(field).asString("").isBlank()) {
                problems.add("info." + field + " is missing");
            }
        }
        if ("OpenAPI definition".equals(info.path("title").asString(""))) {
            problems.add("info.title is springdoc's placeholder");
        }
        List<String> declaredTags = new ArrayList<>();
        document.path("tags").forEach(tag -> {
            if (!tag.path("description").asString("").isBlank()) {
                declaredTags.add(tag.path("name").asString());
            }
        });
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!ORDER.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                String operationId = op.path("operationId").asString("");
                if (operationId.matches(".*_\\d+") || operationId.equals("list")) {
                    // springdoc's de-duplication suffix, or a Java reserved word: clients get list1(), callList()
                    problems.add(name + " has the operationId '" + operationId + "'");
                }
                if (op.path("tags").isEmpty()) {
                    problems.add(name + " has no tag");
                }
                // springdoc names an untagged controller's operations after its class ("generation-controller")
                // without declaring the tag: a @Tag declares it, with its description
                op.path("tags").forEach(tag -> {
                    if (!declaredTags.contains(tag.asString())) {
                        problems.add(name + " has the undeclared tag '" + tag.asString() + "'");
                    }
                });
                for (String code : List.of("400", "413", "415", "429", "503")) {
                    if (resolve(op.path("responses").path(code)).path("content").path("application/problem+json")
                            .isMissingNode()) {
                        problems.add(name + " does not document " + code + " as application/problem+json");
                    }
                }
                for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
                    if (resolve(response.getValue()).path("content").has("*/*")) {
                        problems.add(name + " declares response " + response.getKey() + " as */*");
                    }
                }
            }
        }
        return problems;
    }

    /** A request sent and what came back. */
    public record Outcome(Request request, HttpResponse<String> response) {

        public boolean succeeded() {
            return response.statusCode() / 100 == 2;
        }

        @Override
        public String toString() {
            return request + " -> " + response.statusCode() + " " + response.body();
        }
    }

    /** Fetches the OpenAPI document of the service at {@code base} from {@code /v3/api-docs}. */
    public static OpenApiExamples fetch(HttpClient http, URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = send(http, base, new Request("GET /v3/api-docs", "GET", "/v3/api-docs",
                Map.of(), null, null));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /v3/api-docs answered " + response.statusCode());
        }
        return of(response.body());
    }

    /** Sends every example request, in order, to the service at {@code base}. */
    public List<Outcome> sendAll(HttpClient http, URI base) throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Request request : requests) {
            outcomes.add(new Outcome(request, send(http, base, request)));
        }
        return outcomes;
    }

    /** Sends {@code request} to the service at {@code base} (e.g. {@code http://localhost:8082}). */
    public static HttpResponse<String> send(HttpClient http, URI base, Request request)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(120));
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void add(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method);
        String name = method.toUpperCase() + " " + path;
        String resolvedPath = path;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        document.path("paths").path(path).path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            parameter = resolve(parameter);
            String in = parameter.path("in").asString();
            String parameterName = parameter.path("name").asString();
            JsonNode example = parameterExample(parameter);
            if (example == null) {
                if (parameter.path("required").asBoolean(false) || "path".equals(in)) {
                    unexemplified.add(name + ": parameter '" + parameterName + "' has no example");
                    return;
                }
                continue;
            }
            String value = example.isValueNode() ? example.asString() : JSON.writeValueAsString(example);
            switch (in) {
                case "path" -> resolvedPath = resolvedPath.replace("{" + parameterName + "}", encode(value)
                        .replace("+", "%20"));
                case "query" -> query.append(query.isEmpty() ? '?' : '&').append(encode(parameterName)).append('=')
                        .append(encode(value));
                case "header" -> headers.put(parameterName, value);
                default -> {
                }
            }
        }
        String target = resolvedPath + query;
        JsonNode body = operation.path("requestBody");
        if (body.isMissingNode()) {
            requests.add(new Request(name, method.toUpperCase(), target, headers, null, null));
            return;
        }
        body = resolve(body);
        int sendable = 0;
        for (Map.Entry<String, JsonNode> content : body.path("content").properties()) {
            String type = content.getKey();
            if (!type.contains("json") && !type.startsWith("text/")) {
                continue; // files (multipart, images): Swagger UI asks the user to pick one
            }
            for (JsonNode example : bodyExamples(content.getValue())) {
                String text = example.isString() && !type.contains("json") ? example.asString()
                        : example.isString() && looksLikeJson(example.asString()) ? example.asString()
                        : JSON.writeValueAsString(example);
                requests.add(new Request(name, method.toUpperCase(), target, headers, type, text));
                sendable++;
            }
        }
        if (sendable == 0) {
            if (body.path("required").asBoolean(false)) {
                unexemplified.add(name + ": the request body is a file upload");
            } else {
                requests.add(new Request(name, method.toUpperCase(), target, headers, null, null));
            }
        }
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private JsonNode parameterExample(JsonNode parameter) {
        if (parameter.has("example")) {
            return parameter.get("example");
        }
        if (parameter.path("examples").isObject() && !parameter.path("examples").isEmpty()) {
            return resolve(parameter.path("examples").properties().iterator().next().getValue()).path("value");
        }
        JsonNode schema = resolve(parameter.path("schema"));
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        return null;
    }

    private List<JsonNode> bodyExamples(JsonNode media) {
        if (media.has("example")) {
            return List.of(media.get("example"));
        }
        if (media.path("examples").isObject() && !media.path("examples").isEmpty()) {
            List<JsonNode> examples = new ArrayList<>();
            media.path("examples").forEach(example -> examples.add(resolve(example).path("value")));
            return examples;
        }
        if (media.path("schema").isMissingNode()) {
            return List.of();
        }
        return List.of(sample(media.path("schema"), 0));
    }

    /** What Swagger UI fills in for a schema without an example of its own. */
    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return sample(schema.path(combinator).get(0), depth + 1);
            }
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString()
                : schema.path("type").asString(schema.has("properties") ? "object" : "string");
        if (depth > 8) {
            return nodes.nullNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                schema.path("properties").properties().forEach(p -> object.set(p.getKey(),
                        sample(p.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(sample(schema.path("items"), depth + 1));
                yield array;
            }
            case "integer", "number" -> nodes.numberNode(0);
            case "boolean" -> nodes.booleanNode(true);
            default -> nodes.stringNode("string");
        };
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node.has("$ref") && hops++ < 16) {
            String ref = node.get("$ref").asString();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
