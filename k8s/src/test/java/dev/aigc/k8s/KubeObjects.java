package dev.aigc.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns manifests into fabric8 model objects, strictly. fabric8's model classes keep unknown fields in an
 * {@code additionalProperties} map through {@code @JsonAnySetter}, so neither the client's {@code Serialization}
 * nor a plain mapper with FAIL_ON_UNKNOWN_PROPERTIES rejects a misspelled field. This mapper switches the
 * any-setter off, which makes every field that is not part of the Kubernetes API an error naming its JSON path.
 * fabric8 8.x binds with Jackson 3 ({@code tools.jackson}), so the mapper is a Jackson 3 one.
 */
final class KubeObjects {

    /** The only kinds the platform uses, by apiVersion/kind; anything else is a mistake. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

    private static final ObjectMapper STRICT = strictMapper();
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private KubeObjects() {
    }

    static ObjectMapper strictMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                        return Boolean.FALSE;
                    }
                })
                .build();
    }

    /** Parses one YAML document (already loaded without duplicate keys) into its model class. */
    static HasMetadata parse(Map<String, Object> document) {
        String key = document.get("apiVersion") + "/" + document.get("kind");
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new IllegalArgumentException("unexpected object kind " + key + " (" + name(document) + ")");
        }
        try {
            return STRICT.readValue(STRICT.writeValueAsString(document), type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(key + " " + name(document) + ": " + e.getMessage(), e);
        }
    }

    static List<HasMetadata> parseAll(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Map<String, Object> document : StrictYaml.documents(yaml)) {
            objects.add(parse(document));
        }
        return objects;
    }

    /** kubectl from the PATH; {@code -Dkubectl=/path/to/kubectl} picks another, {@code -Dkubectl=none} none. */
    static Optional<Path> kubectl() {
        String chosen = System.getProperty("kubectl");
        if (chosen != null && !chosen.isBlank()) {
            return chosen.equals("none") ? Optional.empty() : Optional.of(Path.of(chosen));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The objects of an overlay as kubectl would apply them ({@code kubectl kustomize k8s/overlays/NAME}). Without
     * kubectl, the base's resource files are parsed as they are and the result says so in {@link Manifests#source()}.
     */
    static Manifests overlay(String name) {
        return RENDERED.computeIfAbsent(name, KubeObjects::render);
    }

    private static Manifests render(String overlay) {
        Optional<Path> kubectl = kubectl();
        if (kubectl.isEmpty()) {
            System.out.println("kubectl not found: checking the k8s/base files directly; overlay '" + overlay
                    + "' is not rendered");
            return new Manifests("k8s/base (files, unrendered)", false, parseAll(baseFiles()));
        }
        Path dir = RepoFiles.resolve("k8s/overlays/" + overlay);
        try {
            Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new Manifests("kubectl kustomize k8s/overlays/" + overlay, true,
                    parseAll(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String baseFiles() {
        Path base = RepoFiles.resolve("k8s/base");
        Map<String, Object> kustomization = StrictYaml.single(base.resolve("kustomization.yaml"));
        StringBuilder all = new StringBuilder();
        for (Object resource : (List<Object>) kustomization.get("resources")) {
            all.append(StrictYaml.read(base.resolve(resource.toString()))).append("\n---\n");
        }
        return all.toString();
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> document) {
        Object metadata = document.get("metadata");
        return metadata instanceof Map ? String.valueOf(((Map<String, Object>) metadata).get("name")) : "(no name)";
    }
}
