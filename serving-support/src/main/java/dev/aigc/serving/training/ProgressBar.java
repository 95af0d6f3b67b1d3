package dev.aigc.serving.training;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A console progress bar for training and evaluation commands: {@code [#####.....]  42% 1234/2940 3.1 it/s eta 9m12s loss 0.04}.
 * Redraws in place on a terminal; when output goes to a file (no console) it prints a line every 10%, so logs stay readable.
 */
public final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private long done;
    private int lastDecile;
    private long lastDrawNanos;

    public ProgressBar(String label, long total) {
        this(label, total, System.out, System.console() != null);
    }

    ProgressBar(String label, long total, PrintStream out, boolean interactive) {
        if (total <= 0) {
            throw new IllegalArgumentException("total must be positive");
        }
        this.label = label;
        this.total = total;
        this.out = out;
        this.interactive = interactive;
    }

    /** Advances by {@code n} steps; {@code suffix} (e.g. the running loss) is shown after the bar. */
    public void step(long n, String suffix) {
        done = Math.min(total, done + n);
        long now = System.nanoTime();
        int decile = (int) (done * 10 / total);
        if (interactive) {
            if (done == total || now - lastDrawNanos > 200_000_000L) {
                out.print('\r' + render(suffix));
                out.flush();
                lastDrawNanos = now;
            }
        } else if (decile != lastDecile) {
            lastDecile = decile;
            out.println(render(suffix));
        }
    }

    public void step(String suffix) {
        step(1, suffix);
    }

    String render(String suffix) {
        int filled = (int) (done * WIDTH / total);
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = done / seconds;
        long etaSeconds = rate > 0 ? (long) ((total - done) / rate) : 0;
        return String.format("%s [%s%s] %3d%% %d/%d %.1f it/s eta %s%s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done * 100 / total, done, total, rate, format(Duration.ofSeconds(etaSeconds)),
                suffix == null || suffix.isEmpty() ? "" : " " + suffix);
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutesPart(), d.toSecondsPart());
    }

    @Override
    public void close() {
        if (interactive) {
            out.println();
        }
    }
}
