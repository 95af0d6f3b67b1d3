package dev.aigc.serving.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where each model's versions live: in the shared store when one is configured ({@code serving.model-store.dir}),
 * with the built-in versions (shipped on the classpath) copied in when missing; otherwise at the location the
 * service configures for itself, as before there was a store.
 */
public class ModelStores {

    private final Path root;
    private final ClassLoader classLoader;

    public ModelStores(ModelStoreProperties properties) {
        this(properties.root().orElse(null), ModelStores.class.getClassLoader());
    }

    public ModelStores(Path root, ClassLoader classLoader) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        this.classLoader = classLoader;
    }

    /** No shared store: every location as configured (for slices and tools without the auto-configuration). */
    public static ModelStores none() {
        return new ModelStores(null, ModelStores.class.getClassLoader());
    }

    /** The shared store's root, when configured. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /**
     * The location a model's registry should read: {@code <store>/<model>} (seeded with the versions found at
     * {@code builtIn} when that is a classpath location) when a store is configured, else {@code builtIn}.
     */
    public String location(String model, String builtIn) {
        if (root == null) {
            return builtIn;
        }
        Path dir = root.resolve(model);
        if (builtIn != null && builtIn.startsWith("classpath")) {
            seed(dir, builtIn, model);
        }
        return dir.toString();
    }

    /** Copies the versions at {@code classpathLocation} that {@code dir} lacks into it; returns them, sorted. */
    public List<String> seed(Path dir, String classpathLocation, String model) {
        try (ModelSource source = ModelSource.of(classpathLocation, model, classLoader)) {
            return new ModelStore(dir).seed(source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the built-in versions of " + model + " into " + dir, e);
        }
    }
}
