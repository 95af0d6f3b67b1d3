package dev.aigc.classifier.training;

import java.io.PrintStream;

/** Progress of one epoch: a line every few percent with the running metrics and the time left. */
final class EpochProgress implements AutoCloseable {

    private final String label;
    private final long total;
    private final PrintStream log;
    private final long started = System.nanoTime();
    private long lastPrinted = -1;

    EpochProgress(String label, long total, PrintStream log) {
        this.label = label;
        this.total = total;
        this.log = log;
    }

    void step(long done, String suffix) {
        long bucket = done * 20 / total;
        if (bucket == lastPrinted && done != total) {
            return;
        }
        lastPrinted = bucket;
        double elapsed = (System.nanoTime() - started) / 1e9;
        double eta = done == 0 ? 0 : elapsed * (total - done) / done;
        log.printf("%s [%3d%%] %d/%d %s | %.0fs elapsed, %.0fs left%n", label, done * 100 / total, done, total,
                suffix, elapsed, eta);
    }

    @Override
    public void close() {
    }
}
