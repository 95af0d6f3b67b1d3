package dev.aigc.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the gateway may reach the services and Redis (they have no authentication of their own); the gateway itself
 * is reachable on its HTTP port; nothing is published on the nodes.
 */
class NetworkPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldDenyAllIngressByDefault(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        assertThat(m.all(NetworkPolicy.class)).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldLetOnlyTheGatewayReachEveryOtherWorkloadOnItsOwnPorts(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        Manifests.Workload gateway = m.workload("gateway-service");
        for (Manifests.Workload w : m.workloads()) {
            if (w == gateway || w.name().equals(gateway.name())) {
                continue;
            }
            List<NetworkPolicyIngressRule> rules = rulesSelecting(m, w);
            assertThat(rules).as(w.name() + ": allowed by some policy").isNotEmpty();
            for (NetworkPolicyIngressRule rule : rules) {
                assertThat(rule.getFrom()).as(w.name() + ": every rule names its sources").isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getIpBlock()).as(w.name() + ": no ipBlock").isNull();
                    assertThat(peer.getNamespaceSelector()).as(w.name() + ": no other namespaces").isNull();
                    assertThat(m.workloadsSelectedBy(peer.getPodSelector())).as(w.name() + ": sources")
                            .extracting(Manifests.Workload::name).containsExactly("gateway-service");
                }
                assertThat(rule.getPorts()).as(w.name() + ": rule restricted to ports").isNotEmpty();
                for (NetworkPolicyPort port : rule.getPorts()) {
                    assertThat(ManifestCrossReferenceTest.namedPort(w, port.getPort().getStrVal()))
                            .as(w.name() + ": policy port " + port.getPort() + " is a named container port").isPresent();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldOpenTheGatewaysHttpPortToTheIngressController(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        List<NetworkPolicyIngressRule> rules = rulesSelecting(m, m.workload("gateway-service"));
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.getFrom()).isNullOrEmpty();
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getStrVal()).containsExactly("http");
        });
    }

    /**
     * The services have no authentication of their own: nothing may publish them outside the cluster. Every
     * Service is ClusterIP without external IPs, no pod uses the host's network or binds a host port, and the only
     * Ingress (if any) routes to the gateway.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldKeepEveryServiceOffTheNodesAndOutsideNetworks(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        assertThat(m.all(Service.class)).isNotEmpty().allSatisfy(service -> {
            String type = service.getSpec().getType();
            assertThat(type == null ? "ClusterIP" : type).as(service.getMetadata().getName() + " type")
                    .isEqualTo("ClusterIP");
            assertThat(service.getSpec().getExternalIPs()).as(service.getMetadata().getName() + " externalIPs")
                    .isNullOrEmpty();
        });
        for (Manifests.Workload w : m.workloads()) {
            assertThat(w.pod().getHostNetwork()).as(w.name() + " hostNetwork").isNotEqualTo(Boolean.TRUE);
            for (Container c : w.containers()) {
                assertThat(Optional.ofNullable(c.getPorts()).orElse(List.of()))
                        .as(w.name() + "/" + c.getName() + " host ports")
                        .allSatisfy(p -> assertThat(p.getHostPort()).isNull());
            }
        }
        for (Ingress ingress : m.all(Ingress.class)) {
            ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
                    .forEach(path -> assertThat(path.getBackend().getService().getName())
                            .as("Ingress backends").isEqualTo("gateway-service"));
        }
    }

    private static List<NetworkPolicyIngressRule> rulesSelecting(Manifests m, Manifests.Workload w) {
        return m.all(NetworkPolicy.class).stream()
                .filter(p -> w.selectedBy(p.getSpec().getPodSelector()))
                .flatMap(p -> Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream())
                .toList();
    }
}
