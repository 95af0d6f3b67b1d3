package dev.aigc.solr;

import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One process of a local SolrCloud, for development and tests (scripts/start-solr.sh starts a ZooKeeper and two
 * nodes, each in its own JVM, so that one node can be killed with SIGKILL while the others keep running):
 *
 * <pre>
 *   LocalSolrCloud zk   --port=19281 --dir=var/solr/zk
 *   LocalSolrCloud node --port=19283 --home=var/solr/node1 --zk=127.0.0.1:19281
 * </pre>
 *
 * A node is a real Solr 9 server (Solr's own embedded Jetty runner from solr-test-framework, the one
 * MiniSolrCloudCluster uses) in SolrCloud mode; ZooKeeper is the standalone server. Each prints one line
 * {@code ready <address>} once it serves requests (a node: its base URL), then runs until stopped.
 */
public final class LocalSolrCloud {

    private LocalSolrCloud() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: LocalSolrCloud zk --port=P --dir=D | node --port=P --home=D --zk=HOST:PORT");
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "zk" -> zookeeper(Integer.parseInt(required(options, "port")), Path.of(required(options, "dir")));
            case "node" -> node(Integer.parseInt(required(options, "port")), Path.of(required(options, "home")),
                    required(options, "zk"));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void zookeeper(int port, Path dir) throws Exception {
        Files.createDirectories(dir);
        System.setProperty("zookeeper.admin.enableServer", "false");
        ServerConfig config = new ServerConfig();
        // port, data directory, tick time (ms), max client connections
        config.parse(new String[] {String.valueOf(port), dir.toAbsolutePath().toString(), "1000", "200"});
        ZooKeeperServerMain server = new ZooKeeperServerMain();
        Thread announcer = new Thread(() -> {
            try {
                waitForPort(port);
                ready("127.0.0.1:" + port);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        announcer.setDaemon(true);
        announcer.start();
        server.runFromConfig(config);
    }

    private static void node(int port, Path home, String zkHost) throws Exception {
        Files.createDirectories(home);
        try (InputStream xml = LocalSolrCloud.class.getResourceAsStream("/local-solr.xml")) {
            Files.copy(xml, home.resolve("solr.xml"), StandardCopyOption.REPLACE_EXISTING);
        }
        System.setProperty("hostPort", String.valueOf(port));
        System.setProperty("zkHost", zkHost);
        JettyConfig config = JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build();
        JettySolrRunner jetty = new JettySolrRunner(home.toAbsolutePath().toString(), new Properties(), config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                jetty.stop();
            } catch (Exception e) {
                System.err.println("stopping the Solr node failed: " + e);
            }
        }));
        jetty.start();
        ready(jetty.getBaseUrl().toString());
        Thread.currentThread().join();
    }

    private static void ready(String address) {
        System.out.println("ready " + address);
        System.out.flush();
    }

    private static void waitForPort(int port) throws InterruptedException {
        while (true) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            out.put(a.substring(2, eq), a.substring(eq + 1));
        }
        return out;
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=…");
        }
        return v;
    }
}
