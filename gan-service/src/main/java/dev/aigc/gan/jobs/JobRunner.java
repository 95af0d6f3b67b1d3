package dev.aigc.gan.jobs;

import dev.aigc.gan.GanProperties;
import dev.aigc.gan.eval.EvalClassifier;
import dev.aigc.gan.eval.GanEvaluation;
import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.gan.training.GanSettings;
import dev.aigc.gan.training.GanTrainer;
import dev.aigc.gan.training.TrainingRun;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelStore;
import dev.aigc.serving.store.LockFile;
import dev.aigc.serving.store.Replicas;
import dev.aigc.serving.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits and runs training jobs against the model store, the same way in a service replica ({@link TrainingJobs})
 * and in a Kubernetes Job ({@link TrainingJobCommand}): admission takes the store's one-job lock (409 while another
 * job holds it), the job's record is written to the store at every change (batch progress at most every
 * {@code progressInterval}), the runner heartbeats the lock and looks for cancel requests left by any replica, and a
 * finished job publishes its version atomically (not activated).
 */
final class JobRunner {

    /** A job admitted to run, with the lock that lets it. */
    record Admitted(TrainingJob job, LockFile lock) {
    }

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final ModelStore versions;
    private final JobStore jobs;
    private final GanProperties.Training settings;

    JobRunner(ModelStore versions, JobStore jobs, GanProperties.Training settings) {
        this.versions = versions;
        this.jobs = jobs;
        this.settings = settings;
    }

    JobStore jobs() {
        return jobs;
    }

    /**
     * Checks the request, takes the cluster-wide lock and records the job as queued.
     *
     * @throws ApiException 503 without MNIST, 404/422 for a bad {@code startFrom}, 409 while another job runs
     */
    Admitted admit(TrainingJobRequest request) {
        if (MnistData.locate().isEmpty()) {
            throw ApiException.unavailable("The MNIST training data is not installed on this server"
                    + " (scripts/fetch-mnist.sh or MNIST_DIR)");
        }
        if (request.startFrom() != null) {
            checkStartFrom(request.startFrom());
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        LockFile lock;
        try {
            lock = LockFile.tryAcquire(jobs.lockPath(), Replicas.self(), id, settings.lockStaleAfter())
                    .orElseThrow(this::busy);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the training lock " + jobs.lockPath(), e);
        }
        lock.brokenHolder().ifPresent(stale -> jobs.load(stale.subject()).filter(s -> s.state().isActive())
                .ifPresent(s -> jobs.save(s.abandoned("The process running it (" + stale.owner()
                        + ") stopped; its lock went stale at " + stale.lastHeartbeat()))));
        ThrottledRecorder recorder = new ThrottledRecorder(jobs, settings.progressInterval());
        TrainingJob job = new TrainingJob(id, request, Replicas.self(), recorder::save);
        job.publish();
        return new Admitted(job, lock);
    }

    private ApiException busy() {
        Optional<LockFile.Holder> holder = jobs.lockHolder();
        String who = holder.map(h -> "Training job " + h.subject() + " (on " + h.owner() + ")").orElse("Another job");
        String id = holder.map(LockFile.Holder::subject).orElse("");
        return ApiException.conflict(who + " is still running; one job at a time across all replicas (cancel it"
                + " with DELETE " + TrainingJobController.BASE + "/" + id + ")");
    }

    private void checkStartFrom(String version) {
        if (!versions.contains(version)) {
            throw ApiException.notFound("No model version '" + version + "' in " + versions.dir());
        }
        ModelCard card;
        try {
            card = ModelCard.read(versions.dir().resolve(version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object arch = card.details().getOrDefault("architecture", GanArchitecture.CDCGAN.id());
        if (!GanArchitecture.CDCGAN.id().equals(String.valueOf(arch))) {
            throw ApiException.unprocessable("Version '" + version + "' is a " + arch
                    + " model; training jobs continue conditional DCGANs only");
        }
    }

    /**
     * Trains, evaluates and publishes; records the outcome; releases the lock. Never throws.
     *
     * @param published called with the new version once it is in the store
     */
    void run(Admitted admitted, java.util.function.Consumer<String> published) {
        TrainingJob job = admitted.job();
        LockFile lock = admitted.lock();
        boolean[] lost = {false};
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "gan-training-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long beat = Math.max(100, settings.lockStaleAfter().toMillis() / 6);
        heartbeat.scheduleWithFixedDelay(() -> {
            if (!lock.heartbeat()) {
                lost[0] = true;
                job.cancel();
            } else if (jobs.cancelRequested(job.id()) && !job.cancelRequested()) {
                log.info("Training job {}: cancel requested through another replica", job.id());
                job.cancel();
            }
        }, beat, beat, TimeUnit.MILLISECONDS);
        try {
            if (job.start()) {
                train(job, published);
            }
            if (lost[0] && job.status().state() != TrainingJob.State.SUCCEEDED) {
                job.failed("Lost the training lock (another process broke it as stale)");
            }
        } finally {
            heartbeat.shutdownNow();
            lock.release();
        }
    }

    private void train(TrainingJob job, java.util.function.Consumer<String> published) {
        TrainingJobRequest request = job.request();
        Path work = null;
        try {
            work = Files.createTempDirectory("gan-job-" + job.id() + "-");
            GanSettings gan = GanSettings.dcgan(request.epochsOrDefault(), request.batchSizeOrDefault(),
                    request.learningRateOrDefault());
            MnistData train = MnistData.load(MnistData.Split.TRAIN);
            Path startFrom = request.startFrom() == null ? null : versions.dir().resolve(request.startFrom());
            int[] epochNow = {1};
            TrainingRun run = new TrainingRun(gan, work);
            TrainingRun.Listener listener = new TrainingRun.Listener() {
                @Override
                public void onBatch(int batch, int batches, float d, float g) {
                    job.batch(epochNow[0], batch, batches, d, g);
                    job.publish();
                }

                @Override
                public void onEpoch(GanTrainer.EpochLosses losses, Path grid) {
                    jobs.saveGrid(job.id(), grid);
                    job.epochDone(losses.epoch(), losses.discriminator(), losses.generator(), grid);
                    epochNow[0] = losses.epoch() + 1;
                }
            };
            try (GanTrainer trainer = run.run(train, startFrom, request.maxBatchesOrZero(), listener,
                    job::cancelRequested)) {
                if (job.cancelRequested()) {
                    job.cancelled();
                    return;
                }
                job.evaluating();
                String version = "job-" + STAMP.format(Instant.now()) + "-" + job.id();
                Map<String, Object> metrics = publish(version, trainer, run, gan, request, train);
                published.accept(version);
                job.succeeded(version, metrics);
                log.info("Training job {} finished: version {} ({})", job.id(), version, metrics);
            }
        } catch (Exception | Error e) {
            log.error("Training job {} failed", job.id(), e);
            job.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            deleteQuietly(work);
        }
    }

    /** Writes the version in the store's staging area (weights, pictures, card) and publishes it in one rename. */
    private Map<String, Object> publish(String version, GanTrainer trainer, TrainingRun run, GanSettings gan,
                                        TrainingJobRequest request, MnistData train) throws Exception {
        try (ModelStore.StagedVersion staged = versions.stage(version)) {
            Path dir = staged.dir();
            int epochs = run.history().size();
            trainer.saveGenerator(dir, epochs);
            Files.copy(run.workDir().resolve("samples-latest.png"), dir.resolve("samples.png"));
            run.writeLossCurve(dir.resolve("loss-curve.png"));
            Map<String, Object> metrics;
            try (EvalClassifier classifier = EvalClassifier.loadShipped()) {
                // as many test images as generated ones, so the Fréchet distance compares equal-sized sets
                GanEvaluation evaluation = new GanEvaluation(classifier, train,
                        MnistData.load(MnistData.Split.TEST).head(settings.evaluationSamples()));
                metrics = new LinkedHashMap<>(evaluation.evaluate(GanArchitecture.CDCGAN, trainer::generate,
                        new GanEvaluation.Options(settings.evaluationSamples(), settings.nearestSamples(),
                                7_000_000L)));
            }
            Map<String, Object> training = new LinkedHashMap<>(gan.describe());
            training.put("epochsTrained", epochs);
            training.put("maxBatchesPerEpoch", request.maxBatchesOrZero());
            training.put("startFrom", request.startFrom());
            training.put("trainingSeconds", Math.round(run.history().stream()
                    .mapToDouble(GanTrainer.EpochLosses::seconds).sum()));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("architecture", GanArchitecture.CDCGAN.id());
            details.put("conditional", true);
            details.put("generatorFlopsPerImage", GanArchitecture.CDCGAN.generatorFlops());
            details.put("createdBy", "training job " + Replicas.self());
            new ModelCard("cdcgan", version, Instant.now(), "MNIST (60,000 training images; 10,000 test images for"
                    + " evaluation)", training, metrics, details).write(dir);
            staged.publish();
            return metrics;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** Writes every state change at once and batch progress at most once per interval. */
    private static final class ThrottledRecorder {

        private final JobStore jobs;
        private final Duration interval;
        private TrainingJob.State lastState;
        private int lastEpochs = -1;
        private long lastWrite;

        ThrottledRecorder(JobStore jobs, Duration interval) {
            this.jobs = jobs;
            this.interval = interval;
        }

        synchronized void save(TrainingJob.Status status) {
            long now = System.nanoTime();
            boolean changed = status.state() != lastState || status.history().size() != lastEpochs
                    || status.cancelRequested();
            if (!changed && now - lastWrite < interval.toNanos()) {
                return;
            }
            jobs.save(status);
            lastState = status.state();
            lastEpochs = status.history().size();
            lastWrite = now;
        }
    }
}
