package dev.aigc.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scaled overlay: nlp-qa as a stateless Deployment on a SolrCloud (ZooKeeper ensemble + Solr StatefulSet). The
 * addresses in the configuration must lead to pods that exist, on ports they open, and the ensemble and the Solr
 * nodes must tolerate the loss of one pod (quorum, replicas, budgets).
 */
class ScaledOverlayTest {

    static Manifests m;
    static Map<String, String> config;

    @BeforeAll
    static void render() {
        assumeTrue(KubeObjects.kubectl().isPresent(), "kubectl not found: the overlays cannot be rendered");
        m = KubeObjects.overlay("scaled");
        config = m.find(ConfigMap.class, "aigc-config").orElseThrow().getData();
    }

    @Test
    void shouldRunNlpQaAsADeploymentWithoutStateOfItsOwn() {
        assertThat(m.find(StatefulSet.class, "nlp-qa-service")).as("the base StatefulSet is deleted").isEmpty();
        Deployment nlp = m.find(Deployment.class, "nlp-qa-service").orElseThrow();
        for (Volume v : nlp.getSpec().getTemplate().getSpec().getVolumes()) {
            if (v.getPersistentVolumeClaim() != null) {
                assertThat(v.getPersistentVolumeClaim().getClaimName()).as("the only claim is the shared model store")
                        .isEqualTo("model-store");
            } else {
                assertThat(v.getEmptyDir()).as("volume " + v.getName() + " is scratch space").isNotNull();
            }
        }
        assertThat(ManifestCrossReferenceTest.container(m.workload("nlp-qa-service"), "nlp-qa-service")
                .getVolumeMounts()).anyMatch(vm -> vm.getName().equals("model-store")
                && vm.getMountPath().equals("/var/lib/aigc/model-store"));
        Container c = ManifestCrossReferenceTest.container(m.workload("nlp-qa-service"), "nlp-qa-service");
        Map<String, String> env = ManifestCrossReferenceTest.env(c, config);
        assertThat(env).containsEntry("NLP_KB_BACKEND", "solr").doesNotContainKey("NLP_KB_INDEX_DIR");
        assertThat(nlp.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();

        HorizontalPodAutoscaler hpa = m.find(HorizontalPodAutoscaler.class, "nlp-qa-service").orElseThrow();
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(1);
        assertThat(m.all(PodDisruptionBudget.class)).filteredOn(p -> p.getMetadata().getName().equals("nlp-qa-service"))
                .hasSize(1);
    }

    @Test
    void shouldPointNlpQaAtEverySolrNodeThroughTheHeadlessService() {
        StatefulSet solr = m.find(StatefulSet.class, "solr").orElseThrow();
        Service headless = m.find(Service.class, solr.getSpec().getServiceName()).orElseThrow();
        assertThat(headless.getSpec().getClusterIP()).as("a headless Service gives each node a DNS name").isEqualTo("None");
        int port = ManifestCrossReferenceTest.namedPort(m.workload("solr"), "http").orElseThrow().getContainerPort();

        Set<String> hosts = new TreeSet<>();
        for (String url : config.get("NLP_KB_SOLR_URLS").split(",")) {
            URI u = URI.create(url.strip());
            assertThat(u.getPort()).as(url).isEqualTo(port);
            assertThat(u.getPath()).as(url).isEqualTo("/solr");
            hosts.add(u.getHost());
        }
        assertThat(hosts).as("every Solr node, by its stable name")
                .isEqualTo(podNames(solr, headless.getMetadata().getName()));

        int replicationFactor = Integer.parseInt(config.get("NLP_KB_SOLR_REPLICATION_FACTOR"));
        assertThat(replicationFactor).as("a node can be lost").isGreaterThanOrEqualTo(2);
        assertThat(solr.getSpec().getReplicas()).as("a node for each replica of a shard")
                .isGreaterThanOrEqualTo(replicationFactor);
        assertThat(Integer.parseInt(config.get("NLP_KB_SOLR_MIN_REPLICATION_FACTOR")))
                .isBetween(1, replicationFactor);
        assertThat(solr.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()).as("the replicas of a shard on different machines")
                .isNotEmpty();
        Map<String, String> solrEnv = ManifestCrossReferenceTest.env(
                ManifestCrossReferenceTest.container(m.workload("solr"), "solr"), config);
        assertThat(solrEnv.get("SOLR_MODULES")).as("SmartChineseAnalyzer (KbFields) comes with analysis-extras")
                .contains("analysis-extras");
        assertThat(solrEnv.get("SOLR_HOST")).isEqualTo("$(POD_NAME)." + headless.getMetadata().getName());
    }

    @Test
    void shouldConnectSolrToAZooKeeperEnsembleThatKeepsItsQuorumWithOneServerDown() {
        StatefulSet zk = m.find(StatefulSet.class, "zk").orElseThrow();
        Service headless = m.find(Service.class, zk.getSpec().getServiceName()).orElseThrow();
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        int servers = zk.getSpec().getReplicas();
        assertThat(servers).as("an odd ensemble of at least 3").isGreaterThanOrEqualTo(3).isOdd();
        Manifests.Workload w = m.workload("zk");
        int client = ManifestCrossReferenceTest.namedPort(w, "client").orElseThrow().getContainerPort();
        int peer = ManifestCrossReferenceTest.namedPort(w, "peer").orElseThrow().getContainerPort();
        int election = ManifestCrossReferenceTest.namedPort(w, "election").orElseThrow().getContainerPort();
        Set<String> names = podNames(zk, headless.getMetadata().getName());

        Set<String> zkHosts = new TreeSet<>();
        for (String hostPort : config.get("SOLR_ZK_HOST").split(",")) {
            String[] hp = hostPort.strip().split(":");
            assertThat(Integer.parseInt(hp[1])).isEqualTo(client);
            zkHosts.add(hp[0]);
        }
        assertThat(zkHosts).as("Solr knows every ZooKeeper server").isEqualTo(names);

        String servers0 = ManifestCrossReferenceTest.env(ManifestCrossReferenceTest.container(w, "zookeeper"))
                .get("ZOO_SERVERS");
        List<String> entries = List.of(servers0.split(" "));
        assertThat(entries).hasSize(servers);
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < entries.size(); i++) {
            // server.N=host:peer:election;client, N = ordinal + 1 (the container command's ZOO_MY_ID)
            String e = entries.get(i);
            assertThat(e).startsWith("server." + (i + 1) + "=");
            String[] parts = e.substring(e.indexOf('=') + 1).split("[:;]");
            listed.add(parts[0]);
            assertThat(List.of(parts[1], parts[2], parts[3])).as(e)
                    .containsExactly(String.valueOf(peer), String.valueOf(election), String.valueOf(client));
        }
        assertThat(listed).isEqualTo(names);

        PodDisruptionBudget budget = m.find(PodDisruptionBudget.class, "zk").orElseThrow();
        int down = budget.getSpec().getMaxUnavailable().getIntVal();
        assertThat(servers - down).as("servers left during a drain keep the quorum").isGreaterThan(servers / 2);
        assertThat(m.find(PodDisruptionBudget.class, "solr").orElseThrow().getSpec().getMaxUnavailable().getIntVal())
                .as("one Solr node at a time: the other holds a replica of every shard").isEqualTo(1);
    }

    @Test
    void shouldLetOnlyNlpQaAndTheNodesThemselvesReachSolrAndOnlySolrAndItsPeersReachZooKeeper() {
        assertAllowed("solr", Set.of("nlp-qa-service", "solr"), Set.of("http"));
        assertAllowed("zk", Set.of("solr", "zk"), Set.of("client", "peer", "election"));
        List<NetworkPolicyIngressRule> zkRules = rules(m.workload("zk"));
        for (NetworkPolicyIngressRule rule : zkRules) {
            Set<String> ports = new HashSet<>();
            rule.getPorts().forEach(p -> ports.add(p.getPort().getStrVal()));
            if (ports.contains("peer") || ports.contains("election")) {
                assertThat(sources(rule)).as("quorum ports only between ZooKeeper servers").containsExactly("zk");
            }
        }
    }

    private static void assertAllowed(String workload, Set<String> sources, Set<String> ports) {
        Manifests.Workload w = m.workload(workload);
        List<NetworkPolicyIngressRule> rules = rules(w);
        assertThat(rules).as(workload + ": allowed by some policy").isNotEmpty();
        Set<String> seenSources = new TreeSet<>();
        Set<String> seenPorts = new TreeSet<>();
        for (NetworkPolicyIngressRule rule : rules) {
            assertThat(rule.getFrom()).as(workload + ": every rule names its sources").isNotEmpty();
            seenSources.addAll(sources(rule));
            for (NetworkPolicyPort port : rule.getPorts()) {
                assertThat(ManifestCrossReferenceTest.namedPort(w, port.getPort().getStrVal()))
                        .as(workload + ": policy port " + port.getPort().getStrVal()).isPresent();
                seenPorts.add(port.getPort().getStrVal());
            }
        }
        assertThat(seenSources).as(workload + " sources").isEqualTo(new TreeSet<>(sources));
        assertThat(seenPorts).as(workload + " ports").isEqualTo(new TreeSet<>(ports));
    }

    private static List<String> sources(NetworkPolicyIngressRule rule) {
        List<String> out = new ArrayList<>();
        for (NetworkPolicyPeer peer : rule.getFrom()) {
            assertThat(peer.getIpBlock()).isNull();
            assertThat(peer.getNamespaceSelector()).isNull();
            m.workloadsSelectedBy(peer.getPodSelector()).forEach(w -> out.add(w.name()));
        }
        return out;
    }

    private static List<NetworkPolicyIngressRule> rules(Manifests.Workload w) {
        return m.all(NetworkPolicy.class).stream()
                .filter(p -> w.selectedBy(p.getSpec().getPodSelector()))
                .flatMap(p -> Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream())
                .toList();
    }

    /** {@code name-0.service … name-(n-1).service}: the DNS names of a StatefulSet's pods. */
    private static Set<String> podNames(StatefulSet s, String service) {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < s.getSpec().getReplicas(); i++) {
            names.add(s.getMetadata().getName() + "-" + i + "." + service);
        }
        return names;
    }
}
