package dev.aigc.serving.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aigc.serving.store.Replicas;
import dev.aigc.serving.web.ApiException;

/**
 * The versions of one model and the one that is active.
 *
 * <p>The location is a filesystem directory ({@code /var/models/mnist}, {@code file:models/mnist}) or a classpath
 * location ({@code classpath:models/mnist}, copied to a temporary directory since DJL needs files). Each version
 * is a subdirectory named after the version, holding {@code model-card.json} and the weight files.
 *
 * <p>On a writable directory the registry follows the store's rules ({@link ModelStore}): new versions are staged
 * and published atomically, and the active version is recorded in the store for every replica to follow.
 *
 * <p>{@link #start()} loads the recorded version, else the default one (the configured one, else the newest by
 * {@code createdAt}) once;
 * {@link #activate(String)} loads another version and swaps it in atomically; the old one is closed when the last
 * {@link ModelLease} on it is released, so no inference is ever cut off. {@link #rescan()} picks up version
 * directories added at run time (e.g. by a training job via {@link #stageVersion(String)}); {@link #close()} closes
 * everything. Declare it as a Spring bean with {@code @Bean(initMethod = "start")} so that the {@code models}
 * health indicator reports it in readiness.
 */
public class ModelRegistry<T extends AutoCloseable> implements AutoCloseable {

    /** Lifecycle of a registry, as reported by the health indicator. */
    public enum State { NOT_STARTED, EMPTY, LOADED, FAILED, CLOSED }

    /** A point-in-time view for health and admin endpoints. */
    public record Status(String name, String location, State state, String activeVersion, List<String> versions,
                         String error, String recordedVersion) {
    }

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private static final Comparator<ModelCard> OLDEST_FIRST = Comparator
            .comparing((ModelCard card) -> card.createdAt() == null ? Instant.MIN : card.createdAt())
            .thenComparing(ModelCard::version);

    private final String name;
    private final String location;
    private final ModelLoader<T> loader;
    private final String defaultVersion;
    private final ModelSource source;
    /** The writable directory's store rules (atomic versions, the recorded active version); null on the classpath. */
    private final ModelStore store;
    /** The last recorded version that failed to load here, so that following does not retry it every poll. */
    private volatile ModelStore.ActiveVersion failedRecord;
    private final AtomicReference<LoadedModel<T>> active = new AtomicReference<>();
    private final Object lifecycle = new Object();
    private volatile List<ModelCard> cards = List.of();
    private volatile State state = State.NOT_STARTED;
    private volatile String error;

    /**
     * @param name           the model's name (used in messages, metrics, health and temp directory names)
     * @param location       a directory path or {@code classpath:<path>}
     * @param loader         builds the model object from a version directory
     * @param defaultVersion the version {@link #start()} loads; {@code null} or blank for the newest
     */
    public ModelRegistry(String name, String location, ModelLoader<T> loader, String defaultVersion) {
        this(name, location, loader, defaultVersion, ModelRegistry.class.getClassLoader());
    }

    /** As above, looking up classpath locations in {@code classLoader}. */
    public ModelRegistry(String name, String location, ModelLoader<T> loader, String defaultVersion,
            ClassLoader classLoader) {
        this.name = Objects.requireNonNull(name, "name");
        this.location = Objects.requireNonNull(location, "location");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.defaultVersion = defaultVersion == null || defaultVersion.isBlank() ? null : defaultVersion;
        this.source = ModelSource.of(location, name, classLoader);
        this.store = source.writableRoot().map(ModelStore::new).orElse(null);
    }

    /**
     * Scans the location and loads the version recorded in the store ({@link ModelStore#ACTIVE_FILE}: the one the
     * other replicas serve), else the default version. Idempotent. With no version present the registry stays
     * {@link State#EMPTY} (not ready) until {@link #reload()} finds one.
     *
     * @throws ModelLoadException    when the default version cannot be loaded
     * @throws IllegalStateException when a configured default version does not exist
     */
    public void start() {
        synchronized (lifecycle) {
            if (state != State.NOT_STARTED) {
                return;
            }
            rescan();
            if (defaultVersion != null && card(defaultVersion).isEmpty()) {
                fail("default version '" + defaultVersion + "' not found; available: " + versionNames());
                throw new IllegalStateException("Model " + name + ": " + error);
            }
            loadDefault();
        }
    }

    /** All versions found at the last scan, oldest first. */
    public List<ModelCard> versions() {
        return cards;
    }

    public Optional<ModelCard> card(String version) {
        return cards.stream().filter(card -> card.version().equals(version)).findFirst();
    }

    /**
     * The active version, for reading its version and card. Run inference through {@link #acquire()} instead.
     *
     * @throws ApiException 503 when no version is loaded
     */
    public LoadedModel<T> active() {
        LoadedModel<T> current = active.get();
        if (current == null) {
            throw notLoaded();
        }
        return current;
    }

    /** The active version's name, empty when none is loaded. */
    public Optional<String> activeVersion() {
        return Optional.ofNullable(active.get()).map(LoadedModel::version);
    }

    /**
     * A hold on the active model that keeps it open until the lease is closed.
     *
     * @throws ApiException 503 when no version is loaded
     */
    public ModelLease<T> acquire() {
        while (true) {
            LoadedModel<T> current = active.get();
            if (current == null) {
                throw notLoaded();
            }
            if (current.tryAcquire()) {
                return new ModelLease<>(current);
            }
            // retired between get() and tryAcquire(): the next active() is already in place
        }
    }

    /**
     * Loads {@code version} and makes it the active one; the previous one is closed once no lease holds it. On a
     * writable directory the version is then recorded in the store, so that every replica following it
     * ({@link #followRecordedVersion()}) switches too. Activating the active version again loads nothing but still
     * records it.
     *
     * @throws ApiException       404 when there is no such version
     * @throws ModelLoadException when loading fails (the previous version stays active, nothing is recorded)
     */
    public LoadedModel<T> activate(String version) {
        synchronized (lifecycle) {
            ensureNotClosed();
            ModelCard card = require(version);
            LoadedModel<T> current = active.get();
            LoadedModel<T> result = current != null && current.version().equals(version) ? current : swapIn(card);
            if (store != null) {
                store.recordActive(version, Replicas.self());
                failedRecord = null;
            }
            return result;
        }
    }

    /**
     * Makes the version recorded in the store the active one here, if it is not already (what each replica runs every
     * poll interval). A recorded version this replica does not know yet is looked for with a rescan; one that fails
     * to load is logged and not tried again until another version is recorded.
     *
     * @return true when the active version changed
     */
    public boolean followRecordedVersion() {
        if (store == null) {
            return false;
        }
        synchronized (lifecycle) {
            if (state == State.CLOSED || state == State.NOT_STARTED) {
                return false;
            }
            Optional<ModelStore.ActiveVersion> recorded = store.recordedActive();
            if (recorded.isEmpty() || recorded.get().equals(failedRecord)) {
                return false;
            }
            String version = recorded.get().version();
            if (activeVersion().filter(version::equals).isPresent()) {
                return false;
            }
            Optional<ModelCard> card = card(version).or(() -> {
                rescan();
                return card(version);
            });
            if (card.isEmpty()) {
                log.warn("Model {}: the recorded version {} is not in {}; keeping {}", name, version, location,
                        activeVersion().orElse("none"));
                failedRecord = recorded.get();
                return false;
            }
            try {
                swapIn(card.get());
                log.info("Model {}: now serving {}, recorded by {} at {}", name, version,
                        recorded.get().activatedBy(), recorded.get().activatedAt());
                return true;
            } catch (ModelLoadException e) {
                log.error("Model {}: the recorded version {} failed to load here; keeping {}", name, version,
                        activeVersion().orElse("none"), e);
                failedRecord = recorded.get();
                return false;
            }
        }
    }

    /**
     * The card of {@code version}, scanning again first when it is not known (another replica may have published it).
     *
     * @throws ApiException 404 naming the available versions
     */
    public ModelCard require(String version) {
        return card(version).or(() -> {
            rescan();
            return card(version);
        }).orElseThrow(() -> ApiException.notFound(
                "Model " + name + " has no version '" + version + "'; available: " + versionNames()));
    }

    /** The recorded cluster-wide active version, when the location is a writable store and one was recorded. */
    public Optional<ModelStore.ActiveVersion> recordedVersion() {
        return store == null ? Optional.empty() : store.recordedActive();
    }

    /** The store rules of the location, when it is a writable directory. */
    public Optional<ModelStore> store() {
        return Optional.ofNullable(store);
    }

    /**
     * Scans again and loads the active version afresh from disk (or the default one when nothing was loaded yet),
     * then swaps it in like {@link #activate(String)}.
     */
    public LoadedModel<T> reload() {
        synchronized (lifecycle) {
            ensureNotClosed();
            rescan();
            LoadedModel<T> current = active.get();
            if (current == null) {
                loadDefault();
                return active();
            }
            return swapIn(require(current.version()));
        }
    }

    /** Reads the location again so that version directories added since are listed; the active one is kept. */
    public List<ModelCard> rescan() {
        synchronized (lifecycle) {
            ensureNotClosed();
            try {
                List<ModelCard> found = new ArrayList<>();
                for (Map.Entry<String, ModelCard> entry : source.scan().entrySet()) {
                    found.add(withVersion(entry.getValue(), entry.getKey()));
                }
                found.sort(OLDEST_FIRST);
                cards = List.copyOf(found);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot scan models of " + name + " at " + location, e);
            }
            return cards;
        }
    }

    /**
     * Starts a new version in the store's staging area, for a training job to fill: write the files and
     * {@code model-card.json}, {@link ModelStore.StagedVersion#publish() publish} it (one atomic rename), then
     * {@link #rescan()} (and {@link #activate(String)} if it should serve). Until published it is not listed.
     *
     * @throws ApiException 400 for a version name outside {@code [A-Za-z0-9._-]} (1–64 characters),
     *                      409 when it exists already or the location is on the classpath
     */
    public ModelStore.StagedVersion stageVersion(String version) {
        if (store == null) {
            if (version == null || !ModelSource.VERSION.matcher(version).matches()) {
                throw ApiException.badRequest("Version names are 1-64 characters of [A-Za-z0-9._-], got '"
                        + version + "'");
            }
            throw ApiException.conflict("Model " + name + " is read from " + location + ", which is read-only");
        }
        return store.stage(version);
    }

    public String name() {
        return name;
    }

    public String location() {
        return location;
    }

    public boolean isLoaded() {
        return active.get() != null;
    }

    public Status status() {
        return new Status(name, location, state, activeVersion().orElse(null), versionNames(), error,
                recordedVersion().map(ModelStore.ActiveVersion::version).orElse(null));
    }

    /** Closes the active model (once no lease holds it) and deletes temporary copies. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            LoadedModel<T> current = active.getAndSet(null);
            if (current != null) {
                current.release();
            }
            source.close();
        }
    }

    private void loadDefault() {
        if (cards.isEmpty()) {
            state = State.EMPTY;
            error = "no versions found at " + location;
            log.warn("Model {}: {}", name, error);
            return;
        }
        Optional<ModelCard> recorded = recordedVersion().flatMap(r -> card(r.version()));
        recordedVersion().filter(r -> recorded.isEmpty()).ifPresent(r -> log.warn(
                "Model {}: the recorded version {} is not in {}; starting with the default", name, r.version(),
                location));
        ModelCard chosen = recorded.orElseGet(() -> defaultVersion != null && card(defaultVersion).isPresent()
                ? card(defaultVersion).get()
                : cards.get(cards.size() - 1));
        try {
            swapIn(chosen);
        } catch (ModelLoadException e) {
            fail(e.getMessage());
            throw e;
        }
    }

    private LoadedModel<T> swapIn(ModelCard card) {
        LoadedModel<T> loaded = load(card);
        LoadedModel<T> previous = active.getAndSet(loaded);
        state = State.LOADED;
        error = null;
        if (previous != null) {
            log.info("Model {}: version {} replaces {}", name, card.version(), previous.version());
            previous.release();
        }
        return loaded;
    }

    private LoadedModel<T> load(ModelCard card) {
        long start = System.nanoTime();
        try {
            Path dir = source.materialize(card.version());
            T model = Objects.requireNonNull(loader.load(dir, card), "the loader returned null");
            log.info("Model {}: loaded version {} from {} in {} ms", name, card.version(), dir,
                    (System.nanoTime() - start) / 1_000_000);
            return new LoadedModel<>(card.version(), card, model, dir);
        } catch (Exception e) {
            throw new ModelLoadException(name, card.version(), e);
        }
    }

    private List<String> versionNames() {
        return cards.stream().map(ModelCard::version).toList();
    }

    private void fail(String message) {
        state = State.FAILED;
        error = message;
    }

    private void ensureNotClosed() {
        if (state == State.CLOSED) {
            throw ApiException.unavailable("Model " + name + " is shut down");
        }
    }

    private ApiException notLoaded() {
        String reason = state == State.CLOSED ? "is shut down"
                : error != null ? "is not loaded (" + error + ")" : "is not loaded yet";
        return ApiException.unavailable("Model " + name + " " + reason);
    }

    private static ModelCard withVersion(ModelCard card, String version) {
        if (version.equals(card.version())) {
            return card;
        }
        log.warn("Card of version directory {} says version {}; using the directory name", version, card.version());
        return new ModelCard(card.name(), version, card.createdAt(), card.dataset(), card.training(), card.metrics(),
                card.details());
    }

    @Override
    public String toString() {
        return "ModelRegistry[" + name + " at " + location + ", " + state + "]";
    }
}
