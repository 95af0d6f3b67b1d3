package dev.aigc.serving.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.aigc.serving.store.AtomicFiles;
import dev.aigc.serving.web.ApiException;

/**
 * The directory of one model's versions on a (possibly shared) volume, with the rules that make it safe for several
 * replicas at once:
 * <ul>
 *   <li>a version is a subdirectory {@code <version>/} holding {@code model-card.json} and its files; it is
 *       written under {@code .staging/} and renamed into place in one step ({@link #stage(String)}), so a reader
 *       never sees half of it, and it is never changed afterwards;</li>
 *   <li>{@code active.json} records the version every replica should serve; it is replaced atomically
 *       ({@link #recordActive(String, String)}) and replicas follow it ({@link ModelRegistry#followRecordedVersion()}).</li>
 * </ul>
 * Names starting with a dot are never versions, so staging and temporary files stay out of every listing.
 */
public final class ModelStore {

    /** The file that records the cluster-wide active version. */
    public static final String ACTIVE_FILE = "active.json";
    static final String STAGING = ".staging";

    /** The cluster-wide active version as recorded in {@link #ACTIVE_FILE}. */
    public record ActiveVersion(String version, Instant activatedAt, String activatedBy) {
    }

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    public ModelStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public boolean contains(String version) {
        return Files.isRegularFile(dir.resolve(version).resolve(ModelCard.FILE_NAME));
    }

    /** The recorded active version; empty when none was recorded (or the record cannot be read). */
    public Optional<ActiveVersion> recordedActive() {
        Path file = dir.resolve(ACTIVE_FILE);
        try {
            return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), ActiveVersion.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JacksonException e) {
            log.warn("Cannot read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Records {@code version} as the one every replica serves (atomically replacing the previous record). */
    public ActiveVersion recordActive(String version, String by) {
        ActiveVersion record = new ActiveVersion(version, Instant.now(), by);
        try {
            AtomicFiles.write(dir.resolve(ACTIVE_FILE), JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the active version in " + dir, e);
        }
        return record;
    }

    /**
     * Starts writing a new version in a private staging directory; {@link StagedVersion#publish()} makes it
     * appear whole. Closing an unpublished one deletes it.
     *
     * @throws ApiException 400 for a name outside {@code [A-Za-z0-9._-]} (1–64 characters), 409 when the version
     *                      exists already
     */
    public StagedVersion stage(String version) {
        checkName(version);
        if (Files.exists(dir.resolve(version))) {
            throw exists(version);
        }
        Path staging = dir.resolve(STAGING).resolve(version + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + staging, e);
        }
        return new StagedVersion(version, staging);
    }

    /**
     * Copies the versions of {@code source} that this store lacks (the built-in versions shipped on the classpath),
     * each published atomically. A version present already is left as it is: versions never change once written.
     *
     * @return the versions of {@code source}, sorted
     */
    List<String> seed(ModelSource source) throws IOException {
        Map<String, ModelCard> cards = source.scan();
        for (String version : cards.keySet()) {
            if (contains(version)) {
                continue;
            }
            Path from = source.materialize(version);
            try (StagedVersion staged = stage(version)) {
                copyTree(from, staged.dir());
                staged.publish();
                log.info("Copied built-in version {} from {} into {}", version, source, dir);
            } catch (ApiException e) {
                log.info("Version {} appeared in {} meanwhile (another replica seeded it)", version, dir);
            }
        }
        return new ArrayList<>(cards.keySet());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void checkName(String version) {
        if (version == null || !ModelSource.VERSION.matcher(version).matches()) {
            throw ApiException.badRequest("Version names are 1-64 characters of [A-Za-z0-9._-], got '" + version + "'");
        }
    }

    private ApiException exists(String version) {
        return ApiException.conflict("Version '" + version + "' already exists in " + dir
                + "; versions are immutable, publish under a new name");
    }

    @Override
    public String toString() {
        return "ModelStore[" + dir + "]";
    }

    /** A version being written: fill {@link #dir()} (the model card included), then {@link #publish()}. */
    public final class StagedVersion implements AutoCloseable {

        private final String version;
        private final Path staging;
        private boolean published;

        private StagedVersion(String version, Path staging) {
            this.version = version;
            this.staging = staging;
        }

        public String version() {
            return version;
        }

        /** The private directory to write the version's files into. */
        public Path dir() {
            return staging;
        }

        /**
         * Renames the staging directory to {@code <store>/<version>} in one step.
         *
         * @return the published directory
         * @throws IllegalStateException when no model card was written
         * @throws ApiException          409 when the version appeared meanwhile
         */
        public Path publish() {
            if (!Files.isRegularFile(staging.resolve(ModelCard.FILE_NAME))) {
                throw new IllegalStateException("Version " + version + " has no " + ModelCard.FILE_NAME);
            }
            Path target = dir.resolve(version);
            try {
                if (Files.exists(target)) {
                    throw exists(version);
                }
                // rename(2) replaces an empty directory but never a non-empty one: a published version survives
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                published = true;
                return target;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                throw exists(version);
            } catch (IOException e) {
                // the JDK reports rename(2)'s ENOTEMPTY as a plain FileSystemException: another writer won the race
                if (Files.isDirectory(target)) {
                    throw exists(version);
                }
                throw new UncheckedIOException("Cannot publish " + staging + " as " + target, e);
            }
        }

        /** Deletes the staging directory unless it was published. */
        @Override
        public void close() {
            if (published) {
                return;
            }
            try (Stream<Path> paths = Files.walk(staging)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                log.warn("Could not delete {}: {}", staging, e.getMessage());
            }
        }
    }
}
