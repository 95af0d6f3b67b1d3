package dev.aigc.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed objects of one overlay (or of the base files), with the look-ups the checks need. */
record Manifests(String source, boolean rendered, List<HasMetadata> objects) {

    /** A Deployment or StatefulSet, reduced to what selectors, ports and probes are checked against. */
    record Workload(String kind, String name, LabelSelector selector, PodTemplateSpec template) {

        Map<String, String> podLabels() {
            Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
            return labels == null ? Map.of() : labels;
        }

        PodSpec pod() {
            return template.getSpec();
        }

        List<Container> containers() {
            return template.getSpec().getContainers();
        }

        boolean selectedBy(LabelSelector selector) {
            return Manifests.matches(selector, podLabels());
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            workloads.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getSelector(),
                    d.getSpec().getTemplate()));
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            workloads.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getSelector(),
                    s.getSpec().getTemplate()));
        }
        return workloads;
    }

    Workload workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(source + ": no Deployment/StatefulSet named " + name));
    }

    List<Workload> workloadsSelectedBy(Map<String, String> serviceSelector) {
        LabelSelector selector = new LabelSelector(null, serviceSelector);
        return workloads().stream().filter(w -> w.selectedBy(selector)).toList();
    }

    List<Workload> workloadsSelectedBy(LabelSelector selector) {
        return workloads().stream().filter(w -> w.selectedBy(selector)).toList();
    }

    /** Kubernetes label-selector semantics: matchLabels and matchExpressions all hold; empty selects all. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown selector operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
