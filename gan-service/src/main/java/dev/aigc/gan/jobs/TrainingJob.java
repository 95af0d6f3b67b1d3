package dev.aigc.gan.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The mutable state of one job; read through {@link #status()}. */
final class TrainingJob {

    enum State { QUEUED, RUNNING, EVALUATING, SUCCEEDED, FAILED, CANCELLED }

    record EpochLoss(int epoch, double discriminator, double generator) {
    }

    record Status(String id, State state, TrainingJobRequest request, double progressPercent, int epoch, int batch,
                  int batchesPerEpoch, Double discriminatorLoss, Double generatorLoss, List<EpochLoss> history,
                  String gridUrl, String resultVersion, Map<String, Object> metrics, String error,
                  Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    private final String id;
    private final TrainingJobRequest request;
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

    TrainingJob(String id, TrainingJobRequest request) {
        this.id = id;
        this.request = request;
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
        return state == State.QUEUED || state == State.RUNNING || state == State.EVALUATING;
    }

    /** Asks the job to stop; a queued job is cancelled at once. Returns false when it had already ended. */
    synchronized boolean cancel() {
        if (!isActive()) {
            return false;
        }
        cancelRequested = true;
        if (state == State.QUEUED) {
            finish(State.CANCELLED);
        }
        return true;
    }

    synchronized boolean start() {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        startedAt = Instant.now();
        return true;
    }

    synchronized void batch(int epoch, int batch, int batches, float d, float g) {
        this.epoch = epoch;
        this.batch = batch;
        this.batchesPerEpoch = batches;
        this.dLoss = (double) d;
        this.gLoss = (double) g;
    }

    synchronized void epochDone(int epoch, double d, double g, Path grid) {
        history.add(new EpochLoss(epoch, d, g));
        latestGrid = grid;
    }

    synchronized void evaluating() {
        state = State.EVALUATING;
    }

    synchronized void succeeded(String version, Map<String, Object> metrics) {
        this.resultVersion = version;
        this.metrics = metrics;
        finish(State.SUCCEEDED);
    }

    synchronized void failed(String message) {
        this.error = message;
        finish(State.FAILED);
    }

    synchronized void cancelled() {
        finish(State.CANCELLED);
    }

    synchronized Path latestGrid() {
        return latestGrid;
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
                + "/grid.png", resultVersion, metrics, error, createdAt, startedAt, finishedAt);
    }
}
