package dev.aigc.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The gpu overlay moves the model servers, and only them, onto GPU nodes with the CUDA images. */
class GpuOverlayTest {

    private static final String GPU = "nvidia.com/gpu";

    @BeforeAll
    static void needsKustomize() {
        assumeTrue(KubeObjects.kubectl().isPresent(), "kubectl not found: the overlays cannot be rendered");
    }

    @Test
    void shouldRequestOneGpuForEachModelServerAndNoneForAnythingElse() {
        Manifests m = KubeObjects.overlay("gpu");
        for (Manifests.Workload w : m.workloads()) {
            boolean ml = RepoFiles.ML_SERVICES.contains(w.name());
            for (Container c : w.containers()) {
                Map<String, Quantity> limits = c.getResources().getLimits();
                Map<String, Quantity> requests = Optional.ofNullable(c.getResources().getRequests()).orElse(Map.of());
                if (ml) {
                    assertThat(limits.get(GPU)).as(c.getName() + " GPU limit").isNotNull();
                    assertThat(limits.get(GPU).getNumericalAmount()).isEqualByComparingTo(BigDecimal.ONE);
                    if (requests.containsKey(GPU)) {
                        assertThat(requests.get(GPU)).isEqualTo(limits.get(GPU));
                    }
                } else {
                    assertThat(limits).as(c.getName() + " must not ask for a GPU").doesNotContainKey(GPU);
                    assertThat(requests).as(c.getName() + " must not ask for a GPU").doesNotContainKey(GPU);
                }
            }
        }
    }

    @Test
    void shouldScheduleOnlyModelServersOntoGpuNodes() {
        Manifests m = KubeObjects.overlay("gpu");
        for (Manifests.Workload w : m.workloads()) {
            Map<String, String> nodeSelector = Optional.ofNullable(w.pod().getNodeSelector()).orElse(Map.of());
            List<Toleration> tolerations = Optional.ofNullable(w.pod().getTolerations()).orElse(List.of());
            if (RepoFiles.ML_SERVICES.contains(w.name())) {
                assertThat(nodeSelector).as(w.name()).containsEntry("nvidia.com/gpu.present", "true");
                assertThat(tolerations).as(w.name()).anySatisfy(t -> {
                    assertThat(t.getKey()).isEqualTo(GPU);
                    assertThat(t.getOperator()).isEqualTo("Exists");
                    assertThat(t.getEffect()).isEqualTo("NoSchedule");
                });
                Volume cache = w.pod().getVolumes().stream().filter(v -> v.getName().equals("djl-cache")).findFirst()
                        .orElseThrow();
                assertThat(cache.getEmptyDir().getSizeLimit().getNumericalAmount())
                        .as(w.name() + ": room for the CUDA natives")
                        .isGreaterThanOrEqualTo(new Quantity("6Gi").getNumericalAmount());
            } else {
                assertThat(nodeSelector).as(w.name()).isEmpty();
                assertThat(tolerations).as(w.name()).isEmpty();
            }
        }
    }

    @Test
    void shouldUseGpuImagesForModelServersOnly() {
        Manifests m = KubeObjects.overlay("gpu");
        for (Manifests.Workload w : m.workloads()) {
            for (Container c : w.containers()) {
                assertThat(c.getImage().endsWith("-gpu")).as(c.getName() + " image " + c.getImage())
                        .isEqualTo(RepoFiles.ML_SERVICES.contains(w.name()));
            }
        }
        assertThat(m.all(HorizontalPodAutoscaler.class)).allSatisfy(h ->
                assertThat(h.getSpec().getMaxReplicas()).as("one GPU per replica").isLessThanOrEqualTo(2));
    }

    @Test
    void shouldKeepTheCpuOverlayFreeOfGpus() {
        Manifests m = KubeObjects.overlay("cpu");
        for (Manifests.Workload w : m.workloads()) {
            assertThat(w.pod().getNodeSelector()).as(w.name()).isNullOrEmpty();
            for (Container c : w.containers()) {
                assertThat(c.getResources().getLimits()).as(c.getName()).doesNotContainKey(GPU);
                assertThat(c.getImage()).as(c.getName()).doesNotEndWith("-gpu");
            }
        }
    }
}
