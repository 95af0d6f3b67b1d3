package dev.aigc.gan.jobs;

import dev.aigc.gan.GanProperties;
import dev.aigc.gan.model.GanGenerator;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ModelStore;
import dev.aigc.serving.web.ApiException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * Training jobs as the API sees them, the same through every replica: records, sample grids, the one-job lock and
 * cancel requests live in the model store ({@link JobStore}, next to the versions). A job submitted here runs on
 * this replica, on a single low-priority thread (PyTorch uses {@code gan.inference-threads} intra-op threads, 1 by
 * default), so it takes at most one core and generation keeps the rest. A finished job publishes a model version
 * with its evaluation without activating it.
 */
@Service
public class TrainingJobs {

    private final ModelRegistry<GanGenerator> models;
    private final JobRunner runner;
    private final Map<String, TrainingJob> local = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gan-training");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    TrainingJobs(ModelRegistry<GanGenerator> models, GanProperties properties) {
        this.models = models;
        ModelStore versions = models.store().orElseThrow(() -> new IllegalStateException(
                "The GAN's model location " + models.location() + " must be a writable directory"));
        this.runner = new JobRunner(versions, new JobStore(jobsDir(versions)), properties.training());
    }

    /** Where the job records of a model store live: {@code <versions>/.training-jobs}. */
    static Path jobsDir(ModelStore versions) {
        return versions.dir().resolve(".training-jobs");
    }

    TrainingJob.Status submit(TrainingJobRequest request) {
        JobRunner.Admitted admitted = runner.admit(request);
        TrainingJob job = admitted.job();
        local.put(job.id(), job);
        executor.execute(() -> {
            try {
                runner.run(admitted, version -> models.rescan());
            } finally {
                local.remove(job.id());
            }
        });
        return job.status();
    }

    /** A job's status, from this replica when it runs the job, else from the store. */
    TrainingJob.Status get(String id) {
        TrainingJob job = local.get(id);
        if (job != null) {
            return job.status();
        }
        return runner.jobs().load(id).map(this::checkRunnerAlive)
                .orElseThrow(() -> ApiException.notFound("No training job '" + id + "'"));
    }

    List<TrainingJob.Status> list() {
        return runner.jobs().list().stream()
                .map(stored -> Optional.ofNullable(local.get(stored.id())).map(TrainingJob::status)
                        .orElseGet(() -> checkRunnerAlive(stored)))
                .toList();
    }

    /**
     * Asks a job to stop, wherever it runs: directly here, through a cancel request in the store elsewhere (its
     * runner finds it within a heartbeat).
     *
     * @throws ApiException 409 when the job has already ended
     */
    TrainingJob.Status cancel(String id) {
        TrainingJob job = local.get(id);
        if (job != null && job.cancel()) {
            return job.status();
        }
        TrainingJob.Status status = get(id);
        if (!status.state().isActive()) {
            throw ApiException.conflict("Job " + id + " has already ended (" + status.state() + ")");
        }
        runner.jobs().requestCancel(id);
        return status.withCancelRequested();
    }

    Optional<Path> grid(String id) {
        get(id);
        return Optional.of(runner.jobs().grid(id)).filter(Files::isRegularFile);
    }

    byte[] read(Path png) {
        try {
            return Files.readAllBytes(png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A record that says the job is running while the lock names another job (or none) belongs to a runner that
     * stopped without finishing it: runners record their end before they release the lock.
     */
    private TrainingJob.Status checkRunnerAlive(TrainingJob.Status stored) {
        if (!stored.state().isActive()) {
            return stored;
        }
        boolean held = runner.jobs().lockHolder().filter(h -> h.subject().equals(stored.id())).isPresent();
        if (held) {
            return stored;
        }
        // read again: the runner may have finished between the two reads
        TrainingJob.Status again = runner.jobs().load(stored.id()).orElse(stored);
        return again.state().isActive() ? again.abandoned("The process running it (" + again.runner()
                + ") stopped before it finished") : again;
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        local.values().forEach(TrainingJob::cancel);
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
