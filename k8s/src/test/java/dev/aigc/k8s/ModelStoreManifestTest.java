package dev.aigc.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared model store in the manifests: one ReadWriteMany claim that every model server mounts at the
 * MODEL_STORE_DIR the services read (serving-support's defaults), no per-replica model volume left, and the GPU
 * training Job of k8s/overlays/gpu/training running the GAN image's {@code train-job} command on that claim.
 */
class ModelStoreManifestTest {

    private static final String CLAIM = "model-store";

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldMountOneReadWriteManyStoreInEveryModelServerAtTheDirectoryTheServicesRead(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        Map<String, String> config = m.find(ConfigMap.class, "aigc-config").orElseThrow().getData();
        PersistentVolumeClaim claim = m.find(PersistentVolumeClaim.class, CLAIM).orElseThrow();
        assertThat(claim.getSpec().getAccessModes()).as("shared by every replica").containsExactly("ReadWriteMany");
        assertThat(claim.getSpec().getResources().getRequests()).containsKey("storage");

        for (String service : RepoFiles.ML_SERVICES) {
            Manifests.Workload w = m.workload(service);
            Container c = ManifestCrossReferenceTest.container(w, service);
            String dir = ManifestCrossReferenceTest.env(c, config).get("MODEL_STORE_DIR");
            assertThat(dir).as(service + " MODEL_STORE_DIR").isNotBlank();
            assertThat(mountOf(w.pod(), c, dir)).as(service + ": MODEL_STORE_DIR is the model-store claim's mount")
                    .contains(CLAIM);
        }
        assertThat(m.workload("gan-service").kind()).as("the GAN keeps no state of its own any more")
                .isEqualTo("Deployment");
        assertThat(config).doesNotContainKey("GAN_MODELS_DIR");
        assertThat(config.get("MNIST_DIR")).as("training data on the store").startsWith(config.get("MODEL_STORE_DIR") + "/");
    }

    @Test
    void shouldReadTheStoreDirectoryFromTheVariableTheManifestsSet() throws IOException {
        String defaults = Files.readString(RepoFiles.resolve(
                "serving-support/src/main/resources/dev/aigc/serving/config/serving-defaults.yml"));
        assertThat(defaults).as("serving.model-store.dir comes from MODEL_STORE_DIR")
                .containsPattern("model-store:\\s+dir: \\$\\{MODEL_STORE_DIR:}");
    }

    @Test
    void shouldRunTheGpuTrainingJobWithTheGanImageOnTheStore() throws IOException {
        assumeTrue(KubeObjects.kubectl().isPresent(), "kubectl not found: the overlays cannot be rendered");
        Manifests gpu = KubeObjects.overlay("gpu");
        Manifests training = KubeObjects.overlay("gpu/training");
        Map<String, String> config = gpu.find(ConfigMap.class, "aigc-config").orElseThrow().getData();

        List<Job> jobs = training.all(Job.class);
        assertThat(jobs).hasSize(1);
        assertThat(training.objects()).as("only the Job: the rest comes from the gpu overlay").hasSize(1);
        Job job = jobs.get(0);
        assertThat(job.getMetadata().getNamespace()).isEqualTo(gpu.find(ConfigMap.class, "aigc-config")
                .orElseThrow().getMetadata().getNamespace());
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        Container c = pod.getContainers().get(0);
        Container gan = ManifestCrossReferenceTest.container(gpu.workload("gan-service"), "gan-service");
        assertThat(c.getImage()).as("the same image as the GPU model server").isEqualTo(gan.getImage());
        assertThat(c.getCommand()).as("the image's entrypoint starts the launcher").isNullOrEmpty();
        assertThat(c.getArgs()).first().isEqualTo(trainingCommandName());

        for (String key : List.of("MODEL_STORE_DIR", "MNIST_DIR", "ML_JAVA_TOOL_OPTIONS")) {
            assertThat(c.getEnv()).as(key + " from the ConfigMap")
                    .filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null)
                    .anySatisfy(e -> {
                        assertThat(e.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("aigc-config");
                        assertThat(e.getValueFrom().getConfigMapKeyRef().getKey()).isEqualTo(key);
                    });
            assertThat(config).containsKey(key);
        }
        Map<String, String> env = ManifestCrossReferenceTest.env(c, config);
        assertThat(mountOf(pod, c, env.get("MODEL_STORE_DIR"))).contains(CLAIM);
        assertThat(mountOf(pod, c, env.get("MNIST_DIR"))).as("MNIST on the store").contains(CLAIM);
        assertThat(env.get("DJL_OFFLINE")).isEqualTo("true");
        assertThat(mountOf(pod, c, env.get("DJL_CACHE_DIR"))).isPresent();

        assertThat(c.getResources().getLimits().get("nvidia.com/gpu").getNumericalAmount())
                .isEqualByComparingTo(BigDecimal.ONE);
        assertThat(pod.getNodeSelector()).isEqualTo(gpu.workload("gan-service").pod().getNodeSelector());
        assertThat(pod.getTolerations()).isEqualTo(gpu.workload("gan-service").pod().getTolerations());
        Volume cache = pod.getVolumes().stream().filter(v -> v.getName().equals("djl-cache")).findFirst().orElseThrow();
        assertThat(cache.getEmptyDir().getSizeLimit().getNumericalAmount())
                .isGreaterThanOrEqualTo(new Quantity("6Gi").getNumericalAmount());
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/tmp");
        for (VolumeMount mount : c.getVolumeMounts()) {
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
            assertThat(volume.getEmptyDir() != null || volume.getPersistentVolumeClaim() != null)
                    .as(mount.getName() + " is an emptyDir or a claim").isTrue();
        }
        for (Map.Entry<String, Quantity> limit : c.getResources().getLimits().entrySet()) {
            Quantity request = c.getResources().getRequests().get(limit.getKey());
            if (request != null) {
                assertThat(request.getNumericalAmount()).as(limit.getKey() + " request <= limit")
                        .isLessThanOrEqualTo(limit.getValue().getNumericalAmount());
            }
        }
    }

    /** The claim mounted at the deepest mount path {@code dir} lies below (or at). */
    private static Optional<String> mountOf(PodSpec pod, Container c, String dir) {
        if (dir == null) {
            return Optional.empty();
        }
        return c.getVolumeMounts().stream()
                .filter(mt -> dir.equals(mt.getMountPath()) || dir.startsWith(mt.getMountPath() + "/"))
                .max((a, b) -> Integer.compare(a.getMountPath().length(), b.getMountPath().length()))
                .flatMap(mt -> pod.getVolumes().stream().filter(v -> v.getName().equals(mt.getName())).findFirst())
                .map(v -> v.getPersistentVolumeClaim() != null ? v.getPersistentVolumeClaim().getClaimName()
                        : "emptyDir:" + v.getName());
    }

    /** The first argument that selects the training command, as the GAN service defines it. */
    private static String trainingCommandName() throws IOException {
        String source = Files.readString(RepoFiles.resolve(
                "gan-service/src/main/java/dev/aigc/gan/jobs/TrainingJobCommand.java"));
        Matcher name = Pattern.compile("String NAME = \"([^\"]+)\"").matcher(source);
        assertThat(name.find()).as("TrainingJobCommand.NAME").isTrue();
        String app = Files.readString(RepoFiles.resolve("gan-service/src/main/java/dev/aigc/gan/GanApplication.java"));
        assertThat(app).as("GanApplication dispatches to the command").contains("TrainingJobCommand.NAME.equals(args[0])");
        return name.group(1);
    }
}
