package dev.aigc.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own configuration says about ports, actuator endpoints, profiles and the environment
 * variables it reads: read from its src/main/resources/application*.yml on top of serving-support's shared
 * defaults (for the services that depend on it) and, for variables read in code,
 * from its Java sources and those of serving-support.
 */
final class ServiceConfig {

    /** The settings every service depending on serving-support inherits (ServingDefaultsEnvironmentPostProcessor). */
    static final String SHARED_DEFAULTS =
            "serving-support/src/main/resources/dev/aigc/serving/config/serving-defaults.yml";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");

    record Placeholder(String name, String defaultValue) {
    }

    private final String module;
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final Set<String> profiles = new TreeSet<>();
    private final String yamlText;
    private final String javaText;

    private ServiceConfig(String module) {
        this.module = module;
        Path resources = RepoFiles.resolve(module + "/src/main/resources");
        StringBuilder yaml = new StringBuilder();
        String pom = StrictYaml.read(RepoFiles.resolve(module + "/pom.xml"));
        if (pom.contains("<artifactId>serving-support</artifactId>")) {
            // serving-support's shared defaults sit below the service's own application.yml
            String shared = StrictYaml.read(RepoFiles.resolve(SHARED_DEFAULTS));
            yaml.append(shared).append('\n');
            StrictYaml.documents(shared).forEach(document -> defaults.putAll(flatten(document)));
        }
        for (Path file : list(resources, 1)) {
            String name = file.getFileName().toString();
            if (!name.matches("application(-[A-Za-z0-9]+)?\\.ya?ml")) {
                continue;
            }
            String text = StrictYaml.read(file);
            yaml.append(text).append('\n');
            if (name.startsWith("application-")) {
                profiles.add(name.substring("application-".length(), name.lastIndexOf('.')));
                continue;
            }
            for (Map<String, Object> document : StrictYaml.documents(text)) {
                Map<String, Object> flat = flatten(document);
                Object onProfile = flat.get("spring.config.activate.on-profile");
                if (onProfile != null) {
                    Arrays.stream(onProfile.toString().split("[,|&! ()]+")).filter(p -> !p.isBlank())
                            .forEach(profiles::add);
                } else {
                    defaults.putAll(flat);
                }
            }
        }
        this.yamlText = yaml.toString();
        StringBuilder java = new StringBuilder();
        for (String dir : List.of(module + "/src/main/java", "serving-support/src/main/java")) {
            for (Path file : list(RepoFiles.resolve(dir), Integer.MAX_VALUE)) {
                if (file.toString().endsWith(".java")) {
                    java.append(StrictYaml.read(file)).append('\n');
                }
            }
        }
        this.javaText = java.toString();
    }

    static ServiceConfig of(String module) {
        return new ServiceConfig(module);
    }

    String module() {
        return module;
    }

    /** A property of the default (profile-less) documents of application.yml, dotted and relaxed keys alike. */
    Optional<Object> property(String key) {
        return Optional.ofNullable(defaults.get(key));
    }

    /** server.port written as ${ENV_VAR:default}. */
    Placeholder serverPort() {
        Object raw = property("server.port").orElseThrow(() -> new AssertionError(module + ": no server.port"));
        return placeholder(raw.toString())
                .orElseThrow(() -> new AssertionError(module + ": server.port is not ${ENV:default}: " + raw));
    }

    /** The port actuator answers on: management.server.port when set, else server.port. */
    Placeholder managementPort() {
        return property("management.server.port").flatMap(p -> placeholder(p.toString())).orElseGet(this::serverPort);
    }

    String actuatorBasePath() {
        return property("management.endpoints.web.base-path").map(Object::toString).orElse("/actuator");
    }

    boolean probesEnabled() {
        return property("management.endpoint.health.probes.enabled").map(v -> Boolean.parseBoolean(v.toString()))
                .orElse(false);
    }

    Set<String> exposedEndpoints() {
        Object include = property("management.endpoints.web.exposure.include").orElse("health");
        Set<String> endpoints = new TreeSet<>();
        if (include instanceof List<?> list) {
            list.forEach(e -> endpoints.add(e.toString().trim()));
        } else {
            Arrays.stream(include.toString().split(",")).map(String::trim).forEach(endpoints::add);
        }
        return endpoints;
    }

    Set<String> profiles() {
        return profiles;
    }

    /** Names of the ${...} placeholders used anywhere in the service's application*.yml files. */
    Set<String> placeholderNames() {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(yamlText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Whether the service reads this environment variable: a yml placeholder or a string literal in code. */
    boolean readsEnvironmentVariable(String name) {
        return placeholderNames().contains(name) || javaText.contains("\"" + name + "\"");
    }

    static Optional<Placeholder> placeholder(String value) {
        Matcher m = PLACEHOLDER.matcher(value.trim());
        if (m.matches()) {
            return Optional.of(new Placeholder(m.group(1), m.group(2)));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {"", tree});
        while (!stack.isEmpty()) {
            Object[] top = stack.remove(stack.size() - 1);
            String prefix = (String) top[0];
            for (Map.Entry<String, Object> e : ((Map<String, Object>) top[1]).entrySet()) {
                String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
                if (e.getValue() instanceof Map) {
                    stack.add(new Object[] {key, e.getValue()});
                } else {
                    flat.put(key, e.getValue());
                }
            }
        }
        return flat;
    }

    private static List<Path> list(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
