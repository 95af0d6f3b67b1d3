package dev.aigc.serving.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded version of a model, reference-counted so that it is closed only when the registry has retired it
 * <em>and</em> no caller holds a {@link ModelLease} on it. Read {@link #version()}, {@link #card()} and
 * {@link #model()} freely; run inference through a lease ({@link ModelRegistry#acquire()}) so that a concurrent
 * {@link ModelRegistry#activate(String)} cannot close the model under you.
 */
public final class LoadedModel<T extends AutoCloseable> {

    private static final Logger log = LoggerFactory.getLogger(LoadedModel.class);

    private final String version;
    private final ModelCard card;
    private final T model;
    private final Path directory;
    /** One reference belongs to the registry while this is the active version; one more per open lease. */
    private final AtomicInteger references = new AtomicInteger(1);
    private final List<Runnable> closeActions = new ArrayList<>();
    private boolean closed;

    LoadedModel(String version, ModelCard card, T model, Path directory) {
        this.version = Objects.requireNonNull(version, "version");
        this.card = Objects.requireNonNull(card, "card");
        this.model = Objects.requireNonNull(model, "model");
        this.directory = directory;
    }

    public String version() {
        return version;
    }

    public ModelCard card() {
        return card;
    }

    public T model() {
        return model;
    }

    /** The directory the model was loaded from (a temporary copy for classpath models). */
    public Path directory() {
        return directory;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Runs {@code action} just before the model is closed (e.g. to close predictors made from it), or at once if
     * it is closed already. Actions run in registration order; a failing action is logged and skipped.
     */
    public void onClose(Runnable action) {
        synchronized (this) {
            if (!closed) {
                closeActions.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    /** Takes a reference unless the model is already being closed. */
    boolean tryAcquire() {
        while (true) {
            int current = references.get();
            if (current <= 0) {
                return false;
            }
            if (references.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference; the last one closes the model. */
    void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            closeNow();
        } else if (left < 0) {
            throw new IllegalStateException("Model " + card.name() + " " + version + " released too often");
        }
    }

    private void closeNow() {
        List<Runnable> actions;
        synchronized (this) {
            closed = true;
            actions = List.copyOf(closeActions);
            closeActions.clear();
        }
        actions.forEach(LoadedModel::runQuietly);
        try {
            model.close();
            log.info("Closed model {} version {}", card.name(), version);
        } catch (Exception e) {
            log.warn("Closing model {} version {} failed", card.name(), version, e);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("A close action of a model failed", e);
        }
    }

    @Override
    public String toString() {
        return "LoadedModel[" + card.name() + " " + version + "]";
    }
}
