package dev.aigc.gan.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The mutable state of the job this process runs; read through {@link #status()}. Every change is handed to a
 * listener (the {@link JobStore}), so that other replicas read the same status.
 */
final class TrainingJob {

    static final Pattern ID = Pattern.compile("[a-z0-9]{8}");

    enum State {
        QUEUED, RUNNING, EVALUATING, SUCCEEDED, FAILED, CANCELLED;

        boolean isActive() {
            return this == QUEUED || this == RUNNING || this == EVALUATING;
        }
    }

    record EpochLoss(int epoch, double discriminator, double generator) {
    }

    /**
     * A job as every replica shows it.
     *
     * @param runner          the process running it (pod name and pid)
     * @param cancelRequested whether someone asked it to stop
     * @param updatedAt       when the runner last wrote this record
     */
    record Status(String id, State state, TrainingJobRequest request, double progressPercent, int epoch, int batch,
                  int batchesPerEpoch, Double discriminatorLoss, Double generatorLoss, List<EpochLoss> history,
                  String gridUrl, String resultVersion, Map<String, Object> metrics, String error,
                  Instant createdAt, Instant startedAt, Instant finishedAt, String runner, boolean cancelRequested,
                  Instant updatedAt) {

        /** The same record marked failed, for a job whose runner stopped without finishing it. */
        Status abandoned(String reason) {
            return new Status(id, State.FAILED, request, progressPercent, epoch, batch, batchesPerEpoch,
                    discriminatorLoss, generatorLoss, history, gridUrl, resultVersion, metrics, reason, createdAt,
                    startedAt, finishedAt == null ? Instant.now() : finishedAt, runner, cancelRequested, Instant.now());
        }

        Status withCancelRequested() {
            return new Status(id, state, request, progressPercent, epoch, batch, batchesPerEpoch, discriminatorLoss,
                    generatorLoss, history, gridUrl, resultVersion, metrics, error, createdAt, startedAt, finishedAt,
                    runner, true, updatedAt);
        }
    }

    private final String id;
    private final TrainingJobRequest request;
    private final String runner;
    private final Consumer<Status> changed;
    private final Instant createdAt = Instant.now();
    private volatile boolean cancelRequested;
    private State state = State.QUEUED;
    private int epoch;
    private int batch;
    private int batchesPerEpoch;
    private Double dLoss;
    private Double gLoss;
    private final List<EpochLoss> history = new ArrayList<>();
    private Path latestGrid;
    private String resultVersion;
    private Map<String, Object> metrics;
    private String error;
    private Instant startedAt;
    private Instant finishedAt;

    TrainingJob(String id, TrainingJobRequest request, String runner, Consumer<Status> changed) {
        this.id = id;
        this.request = request;
        this.runner = runner;
        this.changed = changed;
    }

    String id() {
        return id;
    }

    TrainingJobRequest request() {
        return request;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    synchronized boolean isActive() {
        return state.isActive();
    }

    /** Asks the job to stop; a queued job is cancelled at once. Returns false when it had already ended. */
    boolean cancel() {
        synchronized (this) {
            if (!isActive()) {
                return false;
            }
            cancelRequested = true;
            if (state == State.QUEUED) {
                finish(State.CANCELLED);
            }
        }
        publish();
        return true;
    }

    boolean start() {
        synchronized (this) {
            if (state != State.QUEUED) {
                return false;
            }
            state = State.RUNNING;
            startedAt = Instant.now();
        }
        publish();
        return true;
    }

    /** Progress within an epoch; published by the caller at its own pace ({@link #publish()}). */
    synchronized void batch(int epoch, int batch, int batches, float d, float g) {
        this.epoch = epoch;
        this.batch = batch;
        this.batchesPerEpoch = batches;
        this.dLoss = (double) d;
        this.gLoss = (double) g;
    }

    void epochDone(int epoch, double d, double g, Path grid) {
        synchronized (this) {
            history.add(new EpochLoss(epoch, d, g));
            latestGrid = grid;
        }
        publish();
    }

    void evaluating() {
        synchronized (this) {
            state = State.EVALUATING;
        }
        publish();
    }

    void succeeded(String version, Map<String, Object> metrics) {
        synchronized (this) {
            this.resultVersion = version;
            this.metrics = metrics;
            finish(State.SUCCEEDED);
        }
        publish();
    }

    void failed(String message) {
        synchronized (this) {
            this.error = message;
            finish(State.FAILED);
        }
        publish();
    }

    void cancelled() {
        synchronized (this) {
            finish(State.CANCELLED);
        }
        publish();
    }

    synchronized Path latestGrid() {
        return latestGrid;
    }

    /** Hands the current status to the listener. */
    void publish() {
        changed.accept(status());
    }

    private void finish(State end) {
        state = end;
        finishedAt = Instant.now();
    }

    synchronized Status status() {
        int epochs = request.epochsOrDefault();
        double progress;
        if (state == State.SUCCEEDED || state == State.EVALUATING) {
            progress = 100;
        } else if (batchesPerEpoch == 0) {
            progress = 0;
        } else {
            progress = Math.min(100, 100.0 * ((epoch - 1) * batchesPerEpoch + batch) / (epochs * batchesPerEpoch));
        }
        return new Status(id, state, request, Math.round(progress * 10) / 10.0, epoch, batch, batchesPerEpoch, dLoss,
                gLoss, List.copyOf(history), latestGrid == null ? null : TrainingJobController.BASE + "/" + id
                + "/grid.png", resultVersion, metrics, error, createdAt, startedAt, finishedAt, runner,
                cancelRequested, Instant.now());
    }
}
