package dev.aigc.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Redis for the tests: Debian's {@code redis-server} (package {@code redis-server}), started on a free
 * loopback port with persistence off, stopped when the test JVM exits. {@link #start()} is empty when the binary is
 * not installed, so tests can skip with a reason instead of failing.
 */
public final class RedisServer {

    public static final String MISSING = "redis-server is not installed (Debian: apt-get install -y redis-server); "
            + "the Redis-backed rate limiter test needs a real Redis and is skipped";

    private static Optional<RedisServer> instance;

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** The one server of this JVM, started on first use; empty when there is no {@code redis-server}. */
    public static synchronized Optional<RedisServer> start() {
        if (instance == null) {
            instance = binary().map(RedisServer::launch);
        }
        return instance;
    }

    private static Optional<Path> binary() {
        return Stream.concat(Stream.of("/usr/bin/redis-server", "/usr/local/bin/redis-server"),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .map(dir -> dir + "/redis-server"))
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static RedisServer launch(Path binary) {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            RedisServer server = new RedisServer(process, port);
            server.awaitPong(Duration.ofSeconds(20));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + binary, e);
        }
    }

    private void awaitPong(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(7);
                if (new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
        throw new IOException("redis-server did not answer PING within " + timeout);
    }
}
