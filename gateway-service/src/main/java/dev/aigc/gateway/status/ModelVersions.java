package dev.aigc.gateway.status;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A service's model versions as its models endpoint lists them. The services describe them in slightly different
 * shapes (an object with {@code active}/{@code activeVersion} and {@code versions}, or a list of model cards
 * flagged {@code active}), so this reads the common ones and says {@code unknown} otherwise.
 *
 * @param active    the version serving requests, or {@code unknown}
 * @param available every version the service holds (may be empty when unknown)
 */
public record ModelVersions(String active, List<String> available) {

    static final String UNKNOWN = "unknown";

    static ModelVersions unknown() {
        return new ModelVersions(UNKNOWN, List.of());
    }

    static ModelVersions from(JsonNode body) {
        String active = null;
        JsonNode list = body;
        if (body.isObject()) {
            for (String field : List.of("active", "activeVersion", "active_version", "current")) {
                JsonNode value = body.get(field);
                if (value != null && (value.isString() || value.isNumber())) {
                    active = value.asString();
                } else if (value != null && value.isObject() && value.has("version")) {
                    active = value.get("version").asString();
                }
                if (active != null) {
                    break;
                }
            }
            list = first(body, "versions", "models", "available");
        }
        List<String> available = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                String version = item.isObject() ? text(first(item, "version", "name")) : item.asString();
                if (version != null && !version.isBlank()) {
                    available.add(version);
                    if (active == null && item.isObject() && item.path("active").asBoolean(false)) {
                        active = version;
                    }
                }
            }
        }
        return new ModelVersions(active == null ? UNKNOWN : active, List.copyOf(available));
    }

    private static JsonNode first(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                return node.get(field);
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
