import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * Closed-loop HTTP load generator for the classifier (loopback only): C client threads each send one-image
 * requests back to back for a fixed time and record every latency.
 *
 * <pre>java LoadGenerator.java URL CONCURRENCY WARMUP_S MEASURE_S LABEL</pre>
 *
 * Prints one Markdown table row: label | concurrency | requests | req/s | p50 ms | p99 ms | errors.
 */
public class LoadGenerator {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (!"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("loopback only");
        }
        int concurrency = Integer.parseInt(args[1]);
        long warmupNanos = Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        long measureNanos = Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        String label = args[4];
        byte[][] bodies = new byte[10][];
        for (int digit = 0; digit < 10; digit++) {
            bodies[digit] = drawing(digit);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(4)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        List<long[]> perThread = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            long[] latencies = new long[2_000_000];
            perThread.add(latencies);
            int offset = t;
            Thread thread = new Thread(() -> {
                int n = 0;
                int i = offset;
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "image/png")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i++ % 10])).build();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long received = System.nanoTime();
                        if (sent >= measureFrom && received <= end) {
                            if (status == 200) {
                                latencies[n++] = received - sent;
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    latencies[latencies.length - 1] = n; // count stored in the last slot
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        int total = perThread.stream().mapToInt(l -> (int) l[l.length - 1]).sum();
        long[] all = new long[total];
        int k = 0;
        for (long[] l : perThread) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        double seconds = measureNanos / 1e9;
        System.out.printf("| %s | %d | %d | %.0f | %.1f | %.1f | %d |%n", label, concurrency, total, total / seconds,
                percentile(all, 0.50), percentile(all, 0.99), errors.get());
        System.exit(0);
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** A digit drawn black on white on a 96 × 96 canvas, as a browser canvas would send it. */
    private static byte[] drawing(int digit) throws Exception {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 96);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
        g.drawString(Integer.toString(digit), 26, 74);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
