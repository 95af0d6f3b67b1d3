package dev.aigc.gan.jobs;

import dev.aigc.serving.store.AtomicFiles;
import dev.aigc.serving.store.LockFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training job records in the model store, so that every replica sees the same jobs: {@code <id>.json} (the
 * status, replaced atomically by the process running the job), {@code <id>-grid.png} (the latest sample grid),
 * {@code <id>.cancel} (a cancel request left by any replica for the runner to find) and {@code lock}, the cluster-wide
 * one-job-at-a-time lock ({@link LockFile}).
 */
final class JobStore {

    static final String LOCK = "lock";
    private static final Logger log = LoggerFactory.getLogger(JobStore.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path dir;

    JobStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path lockPath() {
        return dir.resolve(LOCK);
    }

    void save(TrainingJob.Status status) {
        try {
            AtomicFiles.write(dir.resolve(status.id() + ".json"), JSON.writeValueAsBytes(status));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the record of job " + status.id() + " to " + dir, e);
        }
    }

    Optional<TrainingJob.Status> load(String id) {
        if (!TrainingJob.ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(id + ".json");
        try {
            return Optional.of(JSON.readValue(Files.readString(file), TrainingJob.Status.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JacksonException e) {
            log.warn("Cannot read job record {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Every record, newest first. */
    List<TrainingJob.Status> list() {
        List<TrainingJob.Status> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json") && !name.startsWith(".")) {
                    load(name.substring(0, name.length() - ".json".length())).ifPresent(all::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        all.sort(Comparator.comparing(TrainingJob.Status::createdAt).reversed());
        return all;
    }

    void saveGrid(String id, Path png) {
        try {
            AtomicFiles.copy(png, grid(id));
        } catch (IOException e) {
            log.warn("Cannot store the sample grid of job {}: {}", id, e.getMessage());
        }
    }

    Path grid(String id) {
        return dir.resolve(id + "-grid.png");
    }

    void requestCancel(String id) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(id + ".cancel"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot leave a cancel request for job " + id, e);
        }
    }

    boolean cancelRequested(String id) {
        return Files.exists(dir.resolve(id + ".cancel"));
    }

    /** The id of the job holding the cluster-wide lock, if any. */
    Optional<LockFile.Holder> lockHolder() {
        try {
            return LockFile.holder(lockPath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + lockPath(), e);
        }
    }
}
