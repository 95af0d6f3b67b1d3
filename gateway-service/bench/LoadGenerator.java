import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A small, dependency-free HTTP load generator for the gateway benchmark (run with {@code java LoadGenerator.java}).
 *
 * <pre>
 * load    --url URL [--method POST] [--body-file F] [--content-type T] [--header 'Name: value']...
 *         [--concurrency 16] [--duration 10] [--warmup 3]
 *     N client threads send the same request back to back for warmup + duration seconds over kept-alive
 *     HTTP/1.1 connections; prints one line: concurrency, requests/s, p50/p90/p99 in ms, errors (measured
 *     after the warm-up only).
 * backend --port P [--delay-ms 0]
 *     a stand-in service answering every request with a small JSON body after delay-ms, for measuring the
 *     gateway's own overhead when the real service is not at hand.
 * </pre>
 * Only loopback addresses are accepted: this is for measuring on one machine, not for loading anything else.
 */
public class LoadGenerator {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: load|backend [options]");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "load" -> load(new Options(rest));
            case "backend" -> backend(new Options(rest));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    record Options(List<String> args) {
        Options(String[] args) {
            this(List.of(args));
        }

        String get(String name, String fallback) {
            int i = args.indexOf(name);
            return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
        }

        List<String> all(String name) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals(name)) {
                    values.add(args.get(i + 1));
                }
            }
            return values;
        }
    }

    static void load(Options options) throws Exception {
        URI url = URI.create(options.get("--url", null));
        String host = url.getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("refusing a non-loopback target: " + url);
        }
        int concurrency = Integer.parseInt(options.get("--concurrency", "16"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("--duration", "10")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("--warmup", "3")));
        if (concurrency < 1 || concurrency > 256 || duration.toSeconds() > 120 || warmup.toSeconds() > 60) {
            throw new IllegalArgumentException("keep it bounded: concurrency 1..256, duration <= 120 s, warmup <= 60 s");
        }
        String method = options.get("--method", "POST");
        String bodyFile = options.get("--body-file", null);
        byte[] body = bodyFile == null ? new byte[0] : Files.readAllBytes(Path.of(bodyFile));
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        String contentType = options.get("--content-type", null);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (String header : options.all("--header")) {
            int colon = header.indexOf(':');
            builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        HttpRequest request = builder.build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long stopAt = measureFrom + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        long[][] perThread = new long[concurrency][];
        int[] counts = new int[concurrency];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int index = t;
            pool.execute(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= stopAt) {
                            break;
                        }
                        boolean ok;
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            ok = response.statusCode() / 100 == 2;
                        } catch (IOException e) {
                            ok = false;
                        }
                        long received = System.nanoTime();
                        if (sent >= measureFrom && received <= stopAt) {
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = received - sent;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    perThread[index] = mine;
                    counts[index] = n;
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread[t], 0, all, offset, counts[t]);
            offset += counts[t];
        }
        Arrays.sort(all);
        double seconds = duration.toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "concurrency=%d requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f errors=%d%n",
                concurrency, total, total / seconds, percentile(all, 0.50), percentile(all, 0.90),
                percentile(all, 0.99), errors.get());
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static void backend(Options options) throws Exception {
        int port = Integer.parseInt(options.get("--port", "18082"));
        long delay = Long.parseLong(options.get("--delay-ms", "0"));
        // without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK and
        // every answer takes ~40 ms, which would hide what the gateway adds
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newFixedThreadPool(delay > 0 ? 128 : 8));
        byte[] answer = "{\"digit\":1,\"probability\":0.99,\"modelVersion\":\"stand-in\"}"
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        System.out.println("stand-in backend on 127.0.0.1:" + port + " (delay " + delay + " ms)");
    }
}
