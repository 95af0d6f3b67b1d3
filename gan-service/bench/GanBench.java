import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for gan-service, loopback only and time-bounded:
 * {@code java gan-service/bench/GanBench.java http://127.0.0.1:18081 [seconds-per-phase]}.
 * Phases: count=64 with 1 and 2 concurrent clients (images/s), then count=1 with one client (p50/p99 latency).
 * Prints a Markdown table.
 */
public class GanBench {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:18081");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("Benchmarks run against loopback only, not " + base.getHost());
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = base.resolve("/api/v1/gan/generations");
        run(client, uri, 64, 1, 5);  // warm-up
        List<String> rows = new ArrayList<>();
        rows.add("| request | clients | requests | images/s | p50 ms | p99 ms |");
        rows.add("|---|---|---|---|---|---|");
        rows.add(row("count=64", 1, run(client, uri, 64, 1, seconds)));
        rows.add(row("count=64", 2, run(client, uri, 64, 2, seconds)));
        rows.add(row("count=1", 1, run(client, uri, 1, 1, seconds)));
        rows.add(row("count=1", 2, run(client, uri, 1, 2, seconds)));
        rows.forEach(System.out::println);
    }

    record Result(int requests, double seconds, int imagesPerRequest, List<Double> latenciesMs) {
        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
        }
    }

    static String row(String name, int clients, Result r) {
        return String.format("| %s | %d | %d | %.0f | %.1f | %.1f |", name, clients, r.requests(),
                r.requests() * r.imagesPerRequest() / r.seconds(), r.percentile(0.5), r.percentile(0.99));
    }

    static Result run(HttpClient client, URI uri, int count, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong seed = new AtomicLong(1);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String body = "{\"count\":" + count + ",\"seed\":" + seed.getAndIncrement() + "}";
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                                + new String(response.body()));
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(latencies.size(), elapsed, count, latencies);
    }
}
