package dev.aigc.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml checked the same way as the Kubernetes manifests, against the services' own settings. */
class ComposeFileTest {

    private static final Set<String> PLATFORM_VARIABLES =
            Set.of("JAVA_TOOL_OPTIONS", "DJL_CACHE_DIR", "DJL_OFFLINE", "SERVICE_PORT");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");

    private static String text;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> volumes;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() {
        text = StrictYaml.read(RepoFiles.resolve("docker-compose.yml"));
        Map<String, Object> compose = StrictYaml.documents(text).get(0);
        assertThat(compose).as("Compose specification format: no version key").doesNotContainKey("version");
        services = (Map<String, Map<String, Object>>) compose.get("services");
        volumes = (Map<String, Object>) compose.get("volumes");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheGatewayTheFourServicesAndRedisWithPrometheusOnlyInAProfile() {
        Set<String> always = new TreeSet<>();
        services.forEach((name, s) -> {
            if (s.containsKey("profiles")) {
                assertThat(name).isIn("prometheus", "zookeeper", "solr-1", "solr-2");
                assertThat((List<Object>) s.get("profiles")).containsExactly(name.equals("prometheus") ? "monitoring"
                        : "solr");
            } else {
                always.add(name);
            }
        });
        List<String> expected = new ArrayList<>(RepoFiles.SERVICES);
        expected.add("redis");
        assertThat(always).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepLuceneByDefaultAndPointNlpQaAtTheSolrProfilesNodes() {
        Map<String, String> nlp = environment("nlp-qa-service");
        assertThat(nlp.get("NLP_KB_BACKEND")).as("embedded Lucene unless asked").isEqualTo("${NLP_KB_BACKEND:-lucene}");
        assertThat(ServiceConfig.of("nlp-qa-service").readsEnvironmentVariable("NLP_KB_BACKEND")).isTrue();
        assertThat(ServiceConfig.of("nlp-qa-service").readsEnvironmentVariable("NLP_KB_SOLR_URLS")).isTrue();
        Set<String> nodes = new TreeSet<>();
        for (String url : nlp.get("NLP_KB_SOLR_URLS").split(",")) {
            java.net.URI u = java.net.URI.create(url);
            assertThat(u.getPort()).isEqualTo(8983);
            assertThat(u.getPath()).isEqualTo("/solr");
            nodes.add(u.getHost());
        }
        assertThat(nodes).containsExactly("solr-1", "solr-2");
        for (String node : nodes) {
            Map<String, String> env = environment(node);
            assertThat(env).containsEntry("SOLR_HOST", node).containsEntry("ZK_HOST", "zookeeper:2181");
            assertThat(env.get("SOLR_MODULES")).as("SmartChineseAnalyzer").contains("analysis-extras");
            assertThat((List<Object>) services.get(node).get("networks")).containsExactly("backend");
        }
    }

    @Test
    void shouldPublishOnlyTheGatewayPort() {
        ServiceConfig gateway = ServiceConfig.of("gateway-service");
        services.forEach((name, s) -> {
            List<?> ports = (List<?>) s.get("ports");
            if (name.equals("gateway-service")) {
                assertThat(ports).hasSize(1);
                assertThat(ports.get(0).toString()).endsWith(":" + gateway.serverPort().defaultValue());
            } else if ("prometheus".equals(name)) {
                assertThat(ports).as(name + ": monitoring UI on loopback only")
                        .allSatisfy(p -> assertThat(p.toString()).startsWith("127.0.0.1:"));
            } else {
                assertThat(ports).as(name + " publishes no port").isNull();
                assertThat(s).as(name).doesNotContainKey("network_mode");
            }
        });
    }

    /**
     * The services have no authentication of their own: they and Redis are on the internal network only (no route
     * to or from outside the host), never on the host's network; only the gateway (and the optional Prometheus,
     * published on loopback) also joins the network whose port is published; the "solr" profile's ZooKeeper and
     * Solr nodes stay on the internal network.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepTheServicesOnAnInternalNetworkThatOnlyTheGatewayBridges() {
        Map<String, Object> compose = StrictYaml.documents(text).get(0);
        Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) compose.get("networks");
        assertThat(networks).containsKeys("edge", "backend");
        assertThat(networks.get("backend")).containsEntry("internal", true);
        services.forEach((name, s) -> {
            assertThat(s).as(name).doesNotContainKeys("network_mode", "expose");
            List<String> joined = (List<String>) s.get("networks");
            assertThat(joined).as(name + " networks").isNotNull().contains("backend");
            if (name.equals("gateway-service") || name.equals("prometheus")) {
                assertThat(joined).as(name).containsExactlyInAnyOrder("edge", "backend");
            } else {
                assertThat(joined).as(name + ": internal network only").containsExactly("backend");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHealthcheckEveryServiceAndStartTheGatewayWhenAllAreHealthy() {
        services.forEach((name, s) -> {
            Map<String, Object> healthcheck = (Map<String, Object>) s.get("healthcheck");
            assertThat(healthcheck).as(name + " healthcheck").isNotNull();
            assertThat((List<?>) healthcheck.get("test")).as(name + " healthcheck test").isNotEmpty();
            if (RepoFiles.SERVICES.contains(name)) {
                assertThat((List<Object>) healthcheck.get("test")).containsExactly("CMD", "healthcheck");
                assertThat(healthcheck.get("start_period").toString()).as(name + " start period").isNotBlank();
            }
        });
        Map<String, Map<String, Object>> dependsOn =
                (Map<String, Map<String, Object>>) services.get("gateway-service").get("depends_on");
        services.forEach((name, s) -> {
            if (!name.equals("gateway-service") && !s.containsKey("profiles")) {
                assertThat(dependsOn).as("gateway depends on " + name).containsKey(name);
                assertThat(dependsOn.get(name)).containsEntry("condition", "service_healthy");
            }
        });
    }

    @Test
    void shouldLimitTheMemoryOfEveryService() {
        services.forEach((name, s) -> {
            assertThat(s).as(name).containsKey("mem_limit");
            long bytes = bytes(s.get("mem_limit").toString());
            long minimum = RepoFiles.ML_SERVICES.contains(name) ? 1536L << 20 : 128L << 20;
            assertThat(bytes).as(name + " mem_limit").isGreaterThanOrEqualTo(minimum);
        });
    }

    @Test
    void shouldListenWhereApplicationYmlSaysAndRouteTheGatewayThere() {
        Map<String, String> expectedUrls = new TreeMap<>();
        for (String module : RepoFiles.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            ServiceConfig.Placeholder port = config.serverPort();
            Map<String, String> env = environment(module);
            assertThat(env).as(module).containsEntry(port.name(), port.defaultValue())
                    .containsEntry("SERVICE_PORT", port.defaultValue());
            if (!module.equals("gateway-service")) {
                String variable = module.replace("-service", "").replace('-', '_').toUpperCase() + "_URL";
                expectedUrls.put(variable, "http://" + module + ":" + port.defaultValue());
            }
            for (String name : env.keySet()) {
                if (!PLATFORM_VARIABLES.contains(name) && !name.startsWith("SPRING_")) {
                    assertThat(config.readsEnvironmentVariable(name))
                            .as(module + " reads " + name + " (placeholder in application*.yml or literal in code)")
                            .isTrue();
                }
            }
        }
        assertThat(environment("gateway-service")).containsAllEntriesOf(expectedUrls);
        String profiles = environment("gateway-service").get("SPRING_PROFILES_ACTIVE");
        for (String profile : profiles.split(",")) {
            assertThat(ServiceConfig.of("gateway-service").profiles()).contains(profile.trim());
        }
        assertThat(environment("gateway-service")).containsEntry("REDIS_HOST", "redis")
                .containsEntry("GATEWAY_RATE_LIMIT_BACKEND", "redis");
    }

    @Test
    void shouldTakeApiKeysFromTheEnvFileWhoseExampleDefinesEveryVariable() {
        assertThat(environment("gateway-service").get("GATEWAY_API_KEYS"))
                .as("required from .env, no default key").startsWith("${GATEWAY_API_KEYS:?");
        String example = StrictYaml.read(RepoFiles.resolve(".env.example"));
        Matcher m = VARIABLE.matcher(text);
        int variables = 0;
        while (m.find()) {
            variables++;
            String name = m.group(1);
            boolean required = m.group(2) == null || m.group(2).contains("?");
            if (required) {
                assertThat(example).as(".env.example sets required " + name).containsPattern("(?m)^" + name + "=.+");
            } else {
                assertThat(example).as(".env.example mentions " + name).contains(name + "=");
            }
        }
        assertThat(variables).isGreaterThan(5);
        Matcher keys = Pattern.compile("(?m)^GATEWAY_API_KEYS=(.*)$").matcher(example);
        assertThat(keys.find()).isTrue();
        for (String pair : keys.group(1).split(",")) {
            assertThat(pair).as("a key:role placeholder the gateway rejects (keys need 16+ characters)")
                    .matches("CHANGE-ME[A-Z-]*:(user|admin)");
            assertThat(pair.substring(0, pair.lastIndexOf(':'))).hasSizeLessThan(16);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepCachesAndModelDataOnNamedVolumesWithAReadOnlyRoot() {
        for (String module : RepoFiles.SERVICES) {
            Map<String, Object> s = services.get(module);
            assertThat(s.get("read_only")).as(module + " read_only").isEqualTo(true);
            assertThat((List<String>) s.get("tmpfs")).as(module + ": /tmp on a tmpfs that allows native libraries")
                    .contains("/tmp:exec,mode=1777");
            Map<String, String> mounts = new TreeMap<>();
            for (Object volume : (List<Object>) s.getOrDefault("volumes", List.of())) {
                String[] parts = volume.toString().split(":");
                assertThat(volumes).as(module + ": named volume " + parts[0]).containsKey(parts[0]);
                mounts.put(parts[1], parts[0]);
            }
            Map<String, String> env = environment(module);
            if (RepoFiles.ML_SERVICES.contains(module)) {
                assertThat(mounts).as(module + ": DJL cache (image default /var/cache/djl) on a volume")
                        .containsKey(env.getOrDefault("DJL_CACHE_DIR", "/var/cache/djl"));
                assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Dai.djl.offline=true");
            }
            if (RepoFiles.ML_SERVICES.contains(module)) {
                assertThat(mounts).as(module + ": the shared model store at MODEL_STORE_DIR")
                        .containsEntry(env.get("MODEL_STORE_DIR"), "model-store");
            }
            for (String dirVariable : List.of("NLP_KB_INDEX_DIR", "MNIST_DIR")) {
                if (env.containsKey(dirVariable)) {
                    assertThat(mounts.keySet()).as(module + ": " + dirVariable + " below a named volume")
                            .anySatisfy(path -> assertThat(env.get(dirVariable)).startsWith(path + "/"));
                }
            }
        }
        assertThat(environment("nlp-qa-service")).containsKey("NLP_KB_INDEX_DIR");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldScrapeEveryServiceFromPrometheus() {
        Map<String, Object> prometheus = StrictYaml.single(RepoFiles.resolve("docker/prometheus/prometheus.yml"));
        Map<String, String> targets = new TreeMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                for (Object target : (List<Object>) group.get("targets")) {
                    targets.put(target.toString(), job.get("metrics_path").toString());
                }
            }
        }
        for (String module : RepoFiles.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            assertThat(targets).as("Prometheus target for " + module)
                    .containsEntry(module + ":" + config.serverPort().defaultValue(), config.actuatorBasePath() + "/prometheus");
            assertThat(config.exposedEndpoints()).as(module + " exposes prometheus").contains("prometheus");
        }
        assertThat((List<String>) services.get("prometheus").get("volumes"))
                .anySatisfy(v -> assertThat(v).startsWith("./docker/prometheus/prometheus.yml:"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, String> env = new TreeMap<>();
        Object raw = services.get(service).get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), v == null ? "" : v.toString()));
        } else if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = entry.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    private static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kmg]?)b?", Pattern.CASE_INSENSITIVE).matcher(size.trim());
        assertThat(m.matches()).as("size " + size).isTrue();
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> value << 10;
            case "m" -> value << 20;
            case "g" -> value << 30;
            default -> value;
        };
    }
}
