package dev.aigc.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Everything in the manifests that refers to something else must find it: labels, ports, keys, paths. */
class ManifestCrossReferenceTest {

    /** Variables the services do not read themselves: the JVM, DJL, Spring's relaxed binding, the health check. */
    private static final Set<String> PLATFORM_VARIABLES =
            Set.of("JAVA_TOOL_OPTIONS", "DJL_CACHE_DIR", "DJL_OFFLINE", "SERVICE_PORT");

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldSelectEachWorkloadsOwnPodsAndNoOthers(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        for (Manifests.Workload w : m.workloads()) {
            assertThat(w.selector().getMatchLabels()).as(w.name() + " selector").isNotEmpty();
            assertThat(m.workloadsSelectedBy(w.selector())).as(w.name() + " selector matches")
                    .extracting(Manifests.Workload::name).containsExactly(w.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldRouteEveryServiceToNamedContainerPortsOfItsPods(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        for (Service s : m.all(Service.class)) {
            String name = s.getMetadata().getName();
            List<Manifests.Workload> pods = m.workloadsSelectedBy(s.getSpec().getSelector());
            assertThat(pods).as("Service " + name + " selects exactly its workload").extracting(Manifests.Workload::name)
                    .containsExactly(name);
            for (ServicePort port : s.getSpec().getPorts()) {
                assertThat(port.getName()).as("Service " + name + " port name").isNotBlank();
                IntOrString target = port.getTargetPort();
                assertThat(target.getStrVal()).as("Service " + name + " targets a named port").isNotNull();
                ContainerPort containerPort = namedPort(pods.get(0), target.getStrVal())
                        .orElseThrow(() -> new AssertionError("Service " + name + " targets port '" + target.getStrVal()
                                + "' which no container of " + pods.get(0).name() + " declares"));
                assertThat(port.getPort()).as("Service " + name + " port equals the container port")
                        .isEqualTo(containerPort.getContainerPort());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldListenAndProbeWhereEachServicesApplicationYmlSays(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        for (String module : RepoFiles.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            Manifests.Workload w = m.workload(module);
            Container c = container(w, module);
            ServiceConfig.Placeholder port = config.serverPort();
            ContainerPort http = namedPort(w, "http").orElseThrow(() -> new AssertionError(module + ": no port 'http'"));

            assertThat(http.getContainerPort()).as(module + ": containerPort = server.port default of application.yml")
                    .isEqualTo(Integer.parseInt(port.defaultValue()));
            assertThat(env(c).get(port.name())).as(module + ": sets " + port.name() + " to the container port")
                    .isEqualTo(String.valueOf(http.getContainerPort()));
            assertThat(config.probesEnabled()).as(module + ": management.endpoint.health.probes.enabled").isTrue();
            assertThat(config.exposedEndpoints()).as(module + ": exposed actuator endpoints").contains("health", "prometheus");
            assertThat(config.managementPort().name()).as(module + ": actuator on the server port").isEqualTo(port.name());

            String base = config.actuatorBasePath();
            assertHttpProbe(module, "startup", c.getStartupProbe(), base + "/health/liveness", w);
            assertHttpProbe(module, "liveness", c.getLivenessProbe(), base + "/health/liveness", w);
            assertHttpProbe(module, "readiness", c.getReadinessProbe(), base + "/health/readiness", w);

            Map<String, String> annotations = w.template().getMetadata().getAnnotations();
            assertThat(annotations).as(module + " scrape annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", base + "/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(http.getContainerPort()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldGiveModelServersALongStartupWindowForModelLoading(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        for (String module : RepoFiles.SERVICES) {
            Probe startup = container(m.workload(module), module).getStartupProbe();
            int window = startup.getPeriodSeconds() * startup.getFailureThreshold();
            int needed = RepoFiles.ML_SERVICES.contains(module) ? 600 : 120;
            assertThat(window).as(module + ": seconds the startup probe allows").isGreaterThanOrEqualTo(needed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldFindEveryReferencedConfigMapAndSecretKey(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        Map<String, Set<String>> configMaps = new HashMap<>();
        m.all(ConfigMap.class).forEach(cm -> configMaps.put(cm.getMetadata().getName(), cm.getData().keySet()));
        Map<String, Set<String>> secrets = new HashMap<>();
        m.all(Secret.class).forEach(s -> secrets.put(s.getMetadata().getName(), secretKeys(s)));
        secretTemplates().forEach(s -> secrets.put(s.getMetadata().getName(), secretKeys(s)));
        int references = 0;

        for (Manifests.Workload w : m.workloads()) {
            for (Container c : w.containers()) {
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (e.getValueFrom() == null) {
                        continue;
                    }
                    var cm = e.getValueFrom().getConfigMapKeyRef();
                    var sk = e.getValueFrom().getSecretKeyRef();
                    if (cm != null) {
                        assertThat(configMaps.get(cm.getName())).as(w.name() + " env " + e.getName() + " -> ConfigMap "
                                + cm.getName()).isNotNull().contains(cm.getKey());
                        references++;
                    }
                    if (sk != null) {
                        assertThat(secrets.get(sk.getName())).as(w.name() + " env " + e.getName() + " -> Secret "
                                + sk.getName()).isNotNull().contains(sk.getKey());
                        references++;
                    }
                }
                for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (from.getConfigMapRef() != null) {
                        assertThat(configMaps).containsKey(from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null) {
                        assertThat(secrets).containsKey(from.getSecretRef().getName());
                    }
                }
            }
            for (Volume v : Optional.ofNullable(w.pod().getVolumes()).orElse(List.of())) {
                if (v.getConfigMap() != null) {
                    assertThat(configMaps).as(w.name() + " volume " + v.getName()).containsKey(v.getConfigMap().getName());
                }
                if (v.getSecret() != null) {
                    String secret = v.getSecret().getSecretName();
                    assertThat(secrets).as(w.name() + " volume " + v.getName()).containsKey(secret);
                    for (var item : Optional.ofNullable(v.getSecret().getItems()).orElse(List.of())) {
                        assertThat(secrets.get(secret)).as(w.name() + " volume " + v.getName() + " item").contains(item.getKey());
                        references++;
                    }
                }
            }
        }
        assertThat(references).as("config references checked").isGreaterThan(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldSetOnlyVariablesAndProfilesTheServicesRead(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        Map<String, String> config = m.find(ConfigMap.class, "aigc-config").orElseThrow().getData();
        for (String module : RepoFiles.SERVICES) {
            ServiceConfig service = ServiceConfig.of(module);
            for (EnvVar e : container(m.workload(module), module).getEnv()) {
                String name = e.getName();
                if (name.equals("SPRING_PROFILES_ACTIVE")) {
                    String value = e.getValue() != null ? e.getValue()
                            : config.get(e.getValueFrom().getConfigMapKeyRef().getKey());
                    for (String profile : value.split(",")) {
                        assertThat(service.profiles()).as(module + ": profile '" + profile.trim()
                                + "' has an application-" + profile.trim() + ".yml or on-profile document")
                                .contains(profile.trim());
                    }
                } else if (!PLATFORM_VARIABLES.contains(name) && !name.startsWith("SPRING_")) {
                    assertThat(service.readsEnvironmentVariable(name))
                            .as(module + " reads " + name + " (placeholder in application*.yml or literal in code)")
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldRunAsNonRootOnAReadOnlyRootWithWritableVolumesWhereNeeded(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        Map<String, String> config = m.find(ConfigMap.class, "aigc-config").orElseThrow().getData();
        for (Manifests.Workload w : m.workloads()) {
            PodSecurityContext pod = w.pod().getSecurityContext();
            assertThat(pod.getRunAsNonRoot()).as(w.name() + " runAsNonRoot").isTrue();
            assertThat(pod.getRunAsUser()).as(w.name() + " runAsUser").isNotNull().isPositive();
            assertThat(w.pod().getAutomountServiceAccountToken()).as(w.name() + " automount token").isFalse();
            Set<String> writable = writableVolumes(m, w);
            for (Container c : w.containers()) {
                SecurityContext sc = c.getSecurityContext();
                assertThat(sc.getReadOnlyRootFilesystem()).as(c.getName() + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(c.getName() + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.getCapabilities().getDrop()).as(c.getName() + " drops capabilities").contains("ALL");
                Map<String, String> mounts = c.getVolumeMounts().stream()
                        .collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getName));
                assertThat(mounts).as(c.getName() + " mounts").containsKey("/tmp");
                for (VolumeMount mount : c.getVolumeMounts()) {
                    if (!Boolean.TRUE.equals(mount.getReadOnly())) {
                        assertThat(writable).as(c.getName() + " writable mount " + mount.getName()
                                + " is an emptyDir or a claim").contains(mount.getName());
                    }
                }
                Map<String, String> env = env(c, config);
                if (RepoFiles.ML_SERVICES.contains(c.getName())) {
                    assertThat(env.get("DJL_CACHE_DIR")).as(c.getName() + " DJL_CACHE_DIR").isNotBlank();
                    assertThat(mounts).as(c.getName() + " DJL cache is a writable volume").containsKey(env.get("DJL_CACHE_DIR"));
                    assertThat(env.get("DJL_OFFLINE")).as(c.getName() + " DJL_OFFLINE").isEqualTo("true");
                    assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Dai.djl.offline=true", "MaxRAMPercentage");
                }
                for (String dirVariable : List.of("NLP_KB_INDEX_DIR")) {
                    String dir = env.get(dirVariable);
                    if (dir != null) {
                        String claim = mounts.entrySet().stream().filter(e -> dir.startsWith(e.getKey() + "/"))
                                .map(Map.Entry::getValue).findFirst()
                                .orElseThrow(() -> new AssertionError(c.getName() + ": " + dirVariable + "=" + dir
                                        + " is not below any mounted volume"));
                        assertThat(claimTemplates(m, w)).as(c.getName() + ": " + dirVariable + " on a persistent volume")
                                .contains(claim);
                    }
                }
            }
        }
        Map<String, String> nlp = env(container(m.workload("nlp-qa-service"), "nlp-qa-service"), config);
        if (!"solr".equals(nlp.get("NLP_KB_BACKEND"))) {
            assertThat(nlp).as("the Lucene index is placed explicitly").containsKey("NLP_KB_INDEX_DIR");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldRequestAndLimitCpuAndMemoryForEveryContainer(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        for (Manifests.Workload w : m.workloads()) {
            for (Container c : w.containers()) {
                Map<String, Quantity> requests = c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources().getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(requests).as(c.getName() + " requests").containsKey(resource);
                    assertThat(limits).as(c.getName() + " limits").containsKey(resource);
                    assertThat(requests.get(resource).getNumericalAmount())
                            .as(c.getName() + " " + resource + " request <= limit")
                            .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldAutoscaleExactlyTheModelServers(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        Set<String> scaled = new TreeSet<>();
        for (HorizontalPodAutoscaler hpa : m.all(HorizontalPodAutoscaler.class)) {
            var ref = hpa.getSpec().getScaleTargetRef();
            Manifests.Workload target = m.workload(ref.getName());
            assertThat(ref.getKind()).as("HPA " + hpa.getMetadata().getName() + " kind").isEqualTo(target.kind());
            assertThat(ref.getApiVersion()).isEqualTo("apps/v1");
            assertThat(hpa.getSpec().getMinReplicas()).isPositive()
                    .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(container(target, ref.getName()).getResources().getRequests())
                    .as("CPU utilisation needs a CPU request").containsKey("cpu");
            scaled.add(ref.getName());
        }
        assertThat(scaled).containsExactlyInAnyOrderElementsOf(RepoFiles.ML_SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldCoverEveryWorkloadWithOneDisruptionBudgetThatStillAllowsDrains(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        for (Manifests.Workload w : m.workloads()) {
            List<PodDisruptionBudget> budgets = m.all(PodDisruptionBudget.class).stream()
                    .filter(p -> w.selectedBy(p.getSpec().getSelector())).toList();
            assertThat(budgets).as(w.name() + " PDBs").hasSize(1);
            var spec = budgets.get(0).getSpec();
            if (spec.getMinAvailable() != null) {
                assertThat(spec.getMinAvailable().getIntVal()).as(w.name() + " minAvailable below replicas")
                        .isLessThan(replicas(m, w));
            } else {
                assertThat(spec.getMaxUnavailable().getIntVal()).as(w.name() + " maxUnavailable").isPositive();
            }
        }
        assertThat(m.all(PodDisruptionBudget.class)).hasSize(m.workloads().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu", "scaled"})
    void shouldExposeOnlyTheGatewayThroughTheIngress(String overlay) {
        Manifests m = KubeObjects.overlay(overlay);
        List<Ingress> ingresses = m.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        for (IngressRule rule : ingresses.get(0).getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                var backend = path.getBackend().getService();
                assertThat(backend.getName()).isEqualTo("gateway-service");
                Service service = m.find(Service.class, backend.getName()).orElseThrow();
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName)
                        .contains(backend.getPort().getName());
            }
        }
    }

    static Container container(Manifests.Workload w, String name) {
        return w.containers().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(w.name() + ": no container named " + name));
    }

    static Optional<ContainerPort> namedPort(Manifests.Workload w, String name) {
        return w.containers().stream().flatMap(c -> c.getPorts().stream()).filter(p -> name.equals(p.getName()))
                .findFirst();
    }

    /** Literal env values only. */
    static Map<String, String> env(Container c) {
        Map<String, String> env = new HashMap<>();
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }

    /** Env values with ConfigMap references resolved. */
    static Map<String, String> env(Container c, Map<String, String> configMap) {
        Map<String, String> env = env(c);
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                env.put(e.getName(), configMap.get(e.getValueFrom().getConfigMapKeyRef().getKey()));
            }
        }
        return env;
    }

    private static void assertHttpProbe(String module, String kind, Probe probe, String path, Manifests.Workload w) {
        if (probe == null) {
            fail(module + ": no " + kind + " probe");
        }
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(module + " " + kind + " probe is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(module + " " + kind + " probe path").isEqualTo(path);
        assertThat(get.getPort().getStrVal()).as(module + " " + kind + " probe port").isEqualTo("http");
        assertThat(namedPort(w, get.getPort().getStrVal())).as(module + " " + kind + " probe port exists").isPresent();
    }

    private static Set<String> writableVolumes(Manifests m, Manifests.Workload w) {
        Set<String> names = new TreeSet<>(claimTemplates(m, w));
        for (Volume v : Optional.ofNullable(w.pod().getVolumes()).orElse(List.of())) {
            if (v.getEmptyDir() != null || v.getPersistentVolumeClaim() != null) {
                names.add(v.getName());
            }
        }
        return names;
    }

    private static Set<String> claimTemplates(Manifests m, Manifests.Workload w) {
        if (!w.kind().equals("StatefulSet")) {
            return Set.of();
        }
        StatefulSet s = m.find(StatefulSet.class, w.name()).orElseThrow();
        return s.getSpec().getVolumeClaimTemplates().stream().map(t -> t.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    private static int replicas(Manifests m, Manifests.Workload w) {
        return switch (w.kind()) {
            case "Deployment" -> m.find(io.fabric8.kubernetes.api.model.apps.Deployment.class, w.name()).orElseThrow()
                    .getSpec().getReplicas();
            default -> m.find(StatefulSet.class, w.name()).orElseThrow().getSpec().getReplicas();
        };
    }

    private static Set<String> secretKeys(Secret s) {
        Set<String> keys = new TreeSet<>();
        Optional.ofNullable(s.getData()).ifPresent(d -> keys.addAll(d.keySet()));
        Optional.ofNullable(s.getStringData()).ifPresent(d -> keys.addAll(d.keySet()));
        return keys;
    }

    private static List<Secret> secretTemplates() {
        return RepoFiles.yamlFilesUnder("k8s/base").stream()
                .filter(p -> p.getFileName().toString().endsWith(".secret.example.yaml"))
                .map(Path::toString).map(Path::of).map(StrictYaml::read).map(KubeObjects::parseAll)
                .flatMap(List::stream).map(Secret.class::cast).toList();
    }
}
