package dev.aigc.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as its packaged jars run it: each service and the gateway in its own JVM on a free port, with the
 * embedded defaults except ports, service addresses and writable folders under {@code target/}. Output goes to one
 * log file per process, shown when a process does not become ready.
 */
final class Platform {

    /** Small heaps, C1 only, one intra-op thread: five JVMs share two cores while the test runs. */
    private static final List<String> JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dai.djl.offline=true");
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final Path root;
    private final Path work;
    private final String version;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Platform(Path root, Path work, String version) {
        this.root = root;
        this.work = work;
        this.version = version;
    }

    void start(List<String> services) throws Exception {
        delete(work); // a fresh knowledge base, model folder and generated code on every run
        Files.createDirectories(work);
        for (String service : services) {
            ports.put(service, freePort());
        }
        ports.put("gateway", freePort());
        for (String service : services) {
            List<String> arguments = new ArrayList<>(List.of("--server.port=" + ports.get(service)));
            switch (service) {
                case "gan" -> arguments.add("--gan.models.location=" + work.resolve("gan-models"));
                case "nlp-qa" -> arguments.add("--nlp.kb.index-dir=" + work.resolve("nlp-qa-index"));
                default -> {
                }
            }
            launch(service, arguments);
        }
        List<String> gateway = new ArrayList<>(List.of("--server.port=" + ports.get("gateway")));
        for (String service : services) {
            gateway.add("--aigc.gateway.services." + service + ".url=http://localhost:" + ports.get(service));
        }
        launch("gateway", gateway);
        for (String name : processes.keySet()) {
            awaitReady(name);
        }
    }

    String gateway() {
        return "http://localhost:" + ports.get("gateway");
    }

    List<String> log(String name) {
        try {
            return Files.readAllLines(logFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void launch(String name, List<String> arguments) throws IOException {
        Path jar = root.resolve(name + "-service/target/" + name + "-service-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: this test runs in `verify`, after the services are "
                    + "packaged (./mvnw verify, or ./mvnw -pl api-clients -am verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile(name).toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        processes.put(name, builder.start());
    }

    private void awaitReady(String name) throws Exception {
        URI readiness = URI.create("http://localhost:" + ports.get(name) + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(name).isAlive()) {
                throw new IllegalStateException(name + " exited: " + tail(name));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + READY_WITHIN + ": " + tail(name));
    }

    private String tail(String name) {
        List<String> lines = log(name);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private Path logFile(String name) {
        return work.resolve(name + ".log");
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
