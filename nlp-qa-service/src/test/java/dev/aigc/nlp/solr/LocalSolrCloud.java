package dev.aigc.nlp.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real two-node SolrCloud for the tests: a ZooKeeper and two Solr nodes, each a child JVM running the
 * solr-launcher module ({@code dev.aigc.solr.LocalSolrCloud}) on its own classpath (Solr's Jetty 10 must not meet
 * the Jetty that Spring Boot manages on this module's classpath). One cluster serves all the test classes of a test
 * JVM and is stopped when the JVM exits; {@link #kill(int)} ends a node with SIGKILL. With {@code -Dsolr.test.urls}
 * (comma-separated node URLs) the tests use a cluster that is already running instead (scripts/start-solr.sh);
 * {@code -Dsolr.test.keep=true} keeps the cluster's logs and data in its temporary directory.
 */
public final class LocalSolrCloud {

    private static LocalSolrCloud shared;

    private final Path dir;
    private final List<String> classpath;
    private final int zkPort;
    private final int[] ports;
    private final Process[] nodes;
    private Process zookeeper;
    private final List<String> external;

    private LocalSolrCloud(Path dir, List<String> external) {
        this.dir = dir;
        this.external = external;
        this.classpath = external == null ? classpath() : List.of();
        this.zkPort = external == null ? freePort() : 0;
        this.ports = external == null ? new int[] {freePort(), freePort()} : new int[0];
        this.nodes = new Process[ports.length];
    }

    /** The cluster shared by this test JVM, started on first use. */
    public static synchronized LocalSolrCloud shared() throws Exception {
        if (shared == null) {
            String urls = System.getProperty("solr.test.urls", "");
            if (!urls.isBlank()) {
                shared = new LocalSolrCloud(null, List.of(urls.split(",")));
            } else {
                Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "solrcloud-test");
                LocalSolrCloud cloud = new LocalSolrCloud(dir, null);
                Runtime.getRuntime().addShutdownHook(new Thread(cloud::stop));
                cloud.start();
                shared = cloud;
            }
        }
        return shared;
    }

    private void start() throws Exception {
        zookeeper = launch("zk", List.of("zk", "--port=" + zkPort, "--dir=" + dir.resolve("zk")));
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            int n = i;
            starts.add(CompletableFuture.runAsync(() -> startNode(n)));
        }
        for (CompletableFuture<Void> f : starts) {
            f.get(180, TimeUnit.SECONDS);
        }
    }

    /** (Re)starts node {@code n} (0-based) on its port; returns once it serves requests. */
    public void startNode(int n) {
        try {
            nodes[n] = launch("node" + (n + 1), List.of("node", "--port=" + ports[n],
                    "--home=" + dir.resolve("node" + (n + 1)), "--zk=127.0.0.1:" + zkPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URLs of the nodes ({@code http://127.0.0.1:PORT/solr}). */
    public List<String> urls() {
        if (external != null) {
            return external;
        }
        List<String> out = new ArrayList<>();
        for (int p : ports) {
            out.add("http://127.0.0.1:" + p + "/solr");
        }
        return out;
    }

    public String urlList() {
        return String.join(",", urls());
    }

    public boolean external() {
        return external != null;
    }

    /** Ends node {@code n} with SIGKILL (no shutdown hook, no flush, no ZooKeeper goodbye). */
    public void kill(int n) throws InterruptedException {
        Process p = nodes[n];
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private Process launch(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + ("zk".equals(name) ? "128m" : "512m"), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", String.join(java.io.File.pathSeparator, classpath), "dev.aigc.solr.LocalSolrCloud"));
        command.addAll(args);
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true);
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    file.println(line);
                    if (line.startsWith("ready ")) {
                        ready.complete(line.substring(6));
                    }
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                file.close();
                ready.completeExceptionally(new IllegalStateException(name + " exited before it was ready; see " + log));
            }
        }, "solr-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not start; see " + log, e);
        }
        return p;
    }

    private void stop() {
        for (Process p : nodes) {
            if (p != null) {
                p.destroy();
            }
        }
        for (Process p : nodes) {
            try {
                if (p != null && !p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (zookeeper != null) {
            zookeeper.destroyForcibly();
            try {
                zookeeper.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null && !Boolean.getBoolean("solr.test.keep")) { // -Dsolr.test.keep=true keeps logs and data
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }
    }

    /** solr-launcher's classes and its dependencies, as its build wrote them (target/solr-classpath.txt). */
    private static List<String> classpath() {
        Path launcher = Path.of(System.getProperty("solr.launcher.dir", "../solr-launcher")).toAbsolutePath().normalize();
        Path file = launcher.resolve("target/solr-classpath.txt");
        try {
            List<String> cp = new ArrayList<>();
            cp.add(launcher.resolve("target/classes").toString());
            cp.addAll(List.of(Files.readString(file).strip().split(java.io.File.pathSeparator)));
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException("the solr-launcher module is not built (" + file
                    + " missing): build with -am, e.g. ./mvnw -pl nlp-qa-service -am verify", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
