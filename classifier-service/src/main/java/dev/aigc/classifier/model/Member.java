package dev.aigc.classifier.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One network of a served model version: its weight file inside the version directory, its shape and its weight
 * in the probability average (1 for a single-network version).
 */
public record Member(String name, NetSpec spec, String file, double weight) {

    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("file", file);
        map.put("weight", weight);
        map.put("network", spec.describe());
        return map;
    }

    static Member fromMap(Map<?, ?> map) {
        return new Member((String) map.get("name"), NetSpec.fromMap((Map<?, ?>) map.get("network")),
                (String) map.get("file"), ((Number) map.get("weight")).doubleValue());
    }
}
