package dev.aigc.gateway.status;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A service's model versions as its models endpoint lists them. Every model service serves the one models API of
 * serving-support, {@code {"active": "v2", "versions": [{"version": "v1", "active": false, "card": {…}}, …]}};
 * an answer of another shape reads as {@code unknown}.
 *
 * @param active    the version serving requests on the replica that answered, or {@code unknown}
 * @param available every version the service holds (may be empty when unknown)
 */
public record ModelVersions(String active, List<String> available) {

    static final String UNKNOWN = "unknown";

    static ModelVersions unknown() {
        return new ModelVersions(UNKNOWN, List.of());
    }

    static ModelVersions from(JsonNode body) {
        JsonNode versions = body.path("versions");
        if (!body.isObject() || !versions.isArray()) {
            return unknown();
        }
        List<String> available = new ArrayList<>();
        for (JsonNode item : versions) {
            String version = item.path("version").asString(null);
            if (version != null && !version.isBlank()) {
                available.add(version);
            }
        }
        JsonNode active = body.path("active");
        String name = active.isString() && !active.asString().isBlank() ? active.asString() : UNKNOWN;
        return new ModelVersions(name, List.copyOf(available));
    }
}
