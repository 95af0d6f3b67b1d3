package dev.aigc.serving.model;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Makes every {@link ModelRegistry} of the application follow the active version recorded in its store: one daemon
 * thread calls {@link ModelRegistry#followRecordedVersion()} on each every poll interval, so an activation through any
 * replica reaches all of them within about one interval plus the load time.
 */
public class RecordedVersionFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordedVersionFollower.class);

    private final Supplier<List<ModelRegistry<?>>> registries;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RecordedVersionFollower(Supplier<List<ModelRegistry<?>>> registries, Duration interval) {
        this.registries = registries;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "model-store-follower");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(50, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::followAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One round over every registry (also called by tests). */
    public void followAll() {
        for (ModelRegistry<?> registry : registries.get()) {
            try {
                registry.followRecordedVersion();
            } catch (RuntimeException e) {
                log.warn("Following the recorded version of {} failed: {}", registry.name(), e.getMessage());
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
