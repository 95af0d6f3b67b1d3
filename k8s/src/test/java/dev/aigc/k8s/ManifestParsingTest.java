package dev.aigc.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestParsingTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      readinessProbe:
                        httpGet: {path: /ready, port: 8080}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldParseEveryRenderedObjectStrictlyAgainstTheKubernetesModel(String overlay) {
        Manifests manifests = KubeObjects.overlay(overlay);

        Map<String, Long> kinds = manifests.objects().stream()
                .collect(Collectors.groupingBy(HasMetadata::getKind, Collectors.counting()));
        assertThat(kinds).as(manifests.source()).containsEntry("Service", 6L).containsEntry("Ingress", 1L)
                .containsEntry("HorizontalPodAutoscaler", 3L).containsEntry("ConfigMap", 1L)
                .containsEntry("PersistentVolumeClaim", 1L)
                .containsKeys("Namespace", "PodDisruptionBudget", "NetworkPolicy");
        assertThat(manifests.workloads()).extracting(Manifests.Workload::name)
                .containsExactlyInAnyOrder("gateway-service", "gan-service", "classifier-service", "nlp-qa-service",
                        "career-service", "redis");
        assertThat(manifests.all(Service.class)).extracting(s -> s.getMetadata().getName())
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldRejectAFieldThatIsNotPartOfTheKubernetesApi() {
        assertThat(KubeObjects.parseAll(DEPLOYMENT)).hasSize(1);

        assertThatThrownBy(() -> KubeObjects.parseAll(DEPLOYMENT.replace("containers:", "contianers:")))
                .hasMessageContaining("contianers");
        assertThatThrownBy(() -> KubeObjects.parseAll(DEPLOYMENT.replace("path: /ready", "pth: /ready")))
                .hasMessageContaining("pth");
        assertThatThrownBy(() -> KubeObjects.parseAll(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet")))
                .hasMessageContaining("unexpected object kind apps/v1/Deploymnet");
    }

    @Test
    void shouldRejectDuplicatedKeys() {
        assertThatThrownBy(() -> StrictYaml.documents(DEPLOYMENT.replace("image: demo:1", "image: demo:1\n          image: demo:2")))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("image");
    }

    @Test
    void shouldHaveNoDuplicatedKeysInAnyManifestComposeOrPrometheusFile() {
        List<Path> files = new ArrayList<>(RepoFiles.yamlFilesUnder("k8s"));
        files.addAll(RepoFiles.yamlFilesUnder("docker"));
        files.add(RepoFiles.resolve("docker-compose.yml"));

        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            assertThat(StrictYaml.anyDocuments(file)).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void shouldParseEveryBaseFileEvenWithoutKustomize() {
        for (Path file : RepoFiles.yamlFilesUnder("k8s/base")) {
            String name = file.getFileName().toString();
            if (!name.equals("kustomization.yaml")) {
                assertThat(KubeObjects.parseAll(StrictYaml.read(file))).as(name).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    @SuppressWarnings("unchecked")
    void shouldKeepApiKeysOutOfTheRenderedManifests(String overlay) {
        Manifests manifests = KubeObjects.overlay(overlay);
        assertThat(manifests.all(Secret.class)).as("Secrets are created by the operator, never rendered").isEmpty();

        Secret template = (Secret) KubeObjects.parseAll(
                StrictYaml.read(RepoFiles.resolve("k8s/base/gateway-api-keys.secret.example.yaml"))).get(0);
        assertThat(template.getStringData()).containsOnlyKeys("api-keys");
        for (String line : template.getStringData().get("api-keys").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertThat(line).as("a placeholder, not a usable key").matches("<[a-z-]+>:(user|admin)");
            }
        }
        Map<String, Object> kustomization = StrictYaml.single(RepoFiles.resolve("k8s/base/kustomization.yaml"));
        assertThat((List<Object>) kustomization.get("resources"))
                .doesNotContain("gateway-api-keys.secret.example.yaml");
    }
}
