package dev.aigc.serving.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;

/**
 * One DJL {@link Predictor} per (loaded model, thread): a predictor is not thread-safe, so each worker thread gets
 * its own, created on first use and reused afterwards. All predictors of a {@link LoadedModel} are closed just
 * before that model closes (after a version swap, once the last lease is released), and all of them on
 * {@link #close()}.
 *
 * <pre>{@code
 * ThreadLocalPredictors<ZooModel<Image, Classifications>, Image, Classifications> predictors =
 *         ThreadLocalPredictors.forZooModels();
 * try (var lease = registry.acquire()) {
 *     return predictors.get(lease).batchPredict(images);
 * }
 * }</pre>
 */
public final class ThreadLocalPredictors<M extends AutoCloseable, I, O> implements AutoCloseable {

    private final Function<? super M, Predictor<I, O>> factory;
    private final Map<LoadedModel<?>, Map<Thread, Predictor<I, O>>> byModel = new ConcurrentHashMap<>();

    /** @param factory makes a new predictor for a model, e.g. {@code model -> model.newPredictor(translator)} */
    public ThreadLocalPredictors(Function<? super M, Predictor<I, O>> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** For models loaded as {@code ZooModel}s, whose translator is part of the model. */
    public static <I, O> ThreadLocalPredictors<ZooModel<I, O>, I, O> forZooModels() {
        return new ThreadLocalPredictors<>(ZooModel::newPredictor);
    }

    /** For plain {@link Model}s, with the translator to use. */
    public static <M extends Model, I, O> ThreadLocalPredictors<M, I, O> forModels(Translator<I, O> translator) {
        Objects.requireNonNull(translator, "translator");
        return new ThreadLocalPredictors<>(model -> model.newPredictor(translator));
    }

    /** The calling thread's predictor for the leased model. */
    public Predictor<I, O> get(ModelLease<? extends M> lease) {
        return get(lease.loaded());
    }

    /** The calling thread's predictor for {@code loaded}; hold a lease on it while using the predictor. */
    public Predictor<I, O> get(LoadedModel<? extends M> loaded) {
        if (loaded.isClosed()) {
            throw new IllegalStateException(loaded + " is closed");
        }
        Map<Thread, Predictor<I, O>> perThread = byModel.get(loaded);
        if (perThread == null) {
            Map<Thread, Predictor<I, O>> created = new ConcurrentHashMap<>();
            perThread = byModel.putIfAbsent(loaded, created);
            if (perThread == null) {
                perThread = created;
                loaded.onClose(() -> closeAll(loaded));
            }
        }
        Predictor<I, O> predictor = perThread.get(Thread.currentThread());
        if (predictor == null) {
            pruneDeadThreads(perThread);
            predictor = factory.apply(loaded.model());
            perThread.put(Thread.currentThread(), predictor);
        }
        return predictor;
    }

    /** How many predictors are open (for tests and diagnostics). */
    public int size() {
        return byModel.values().stream().mapToInt(Map::size).sum();
    }

    /** Closes every predictor. */
    @Override
    public void close() {
        List.copyOf(byModel.keySet()).forEach(this::closeAll);
    }

    private void closeAll(LoadedModel<?> loaded) {
        Map<Thread, Predictor<I, O>> perThread = byModel.remove(loaded);
        if (perThread != null) {
            perThread.values().forEach(Predictor::close);
            perThread.clear();
        }
    }

    private static <P extends AutoCloseable> void pruneDeadThreads(Map<Thread, P> perThread) {
        perThread.entrySet().removeIf(entry -> {
            if (entry.getKey().isAlive()) {
                return false;
            }
            try {
                entry.getValue().close();
            } catch (Exception ignored) {
                // the thread is gone; nothing else can use this predictor
            }
            return true;
        });
    }
}
