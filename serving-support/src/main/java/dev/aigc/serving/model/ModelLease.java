package dev.aigc.serving.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A hold on the active model for the length of one use: while any lease is open, the model it points to is not
 * closed, even if another version is activated meanwhile. Use in try-with-resources:
 *
 * <pre>{@code
 * try (ModelLease<ZooModel<float[], Classifications>> lease = registry.acquire()) {
 *     Predictor<float[], Classifications> predictor = predictors.get(lease.loaded());
 *     return predictor.batchPredict(inputs);
 * }
 * }</pre>
 */
public final class ModelLease<T extends AutoCloseable> implements AutoCloseable {

    private final LoadedModel<T> loaded;
    private final AtomicBoolean released = new AtomicBoolean();

    ModelLease(LoadedModel<T> loaded) {
        this.loaded = loaded;
    }

    public LoadedModel<T> loaded() {
        return loaded;
    }

    public T model() {
        return loaded.model();
    }

    public String version() {
        return loaded.version();
    }

    public ModelCard card() {
        return loaded.card();
    }

    /** Releases the hold (once; later calls do nothing). */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            loaded.release();
        }
    }
}
