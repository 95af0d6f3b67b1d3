package dev.aigc.gan.jobs;

import dev.aigc.gan.GanProperties;
import dev.aigc.gan.eval.EvalClassifier;
import dev.aigc.gan.eval.GanEvaluation;
import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.gan.model.GanGenerator;
import dev.aigc.gan.training.GanSettings;
import dev.aigc.gan.training.GanTrainer;
import dev.aigc.gan.training.TrainingRun;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.web.ApiException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs training jobs one at a time on a single low-priority thread (PyTorch uses {@code gan.inference-threads}
 * intra-op threads, 1 by default), so a job takes at most one core and generation keeps the rest. A finished job
 * adds a model version with its evaluation to the registry without activating it.
 */
@Service
public class TrainingJobs {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final ModelRegistry<GanGenerator> models;
    private final GanProperties properties;
    private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gan-training");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final Object admission = new Object();

    TrainingJobs(ModelRegistry<GanGenerator> models, GanProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    TrainingJob.Status submit(TrainingJobRequest request) {
        if (MnistData.locate().isEmpty()) {
            throw ApiException.unavailable("The MNIST training data is not installed on this server"
                    + " (scripts/fetch-mnist.sh or MNIST_DIR)");
        }
        if (request.startFrom() != null) {
            ModelCard card = models.card(request.startFrom()).or(() -> rescanFor(request.startFrom()))
                    .orElseThrow(() -> ApiException.notFound("No model version '" + request.startFrom() + "'"));
            Object arch = card.details().getOrDefault("architecture", GanArchitecture.CDCGAN.id());
            if (!GanArchitecture.CDCGAN.id().equals(String.valueOf(arch))) {
                throw ApiException.unprocessable("Version '" + request.startFrom() + "' is a " + arch
                        + " model; training jobs continue conditional DCGANs only");
            }
        }
        synchronized (admission) {
            Optional<TrainingJob> busy = jobs.values().stream().filter(TrainingJob::isActive).findFirst();
            if (busy.isPresent()) {
                throw ApiException.conflict("Training job " + busy.get().id() + " is still running; one job at a"
                        + " time (cancel it with DELETE " + TrainingJobController.BASE + "/" + busy.get().id() + ")");
            }
            TrainingJob job = new TrainingJob(UUID.randomUUID().toString().substring(0, 8), request);
            jobs.put(job.id(), job);
            executor.execute(() -> run(job));
            return job.status();
        }
    }

    private Optional<ModelCard> rescanFor(String version) {
        models.rescan();
        return models.card(version);
    }

    TrainingJob get(String id) {
        TrainingJob job = jobs.get(id);
        if (job == null) {
            throw ApiException.notFound("No training job '" + id + "'");
        }
        return job;
    }

    List<TrainingJob.Status> list() {
        return jobs.values().stream().map(TrainingJob::status)
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
    }

    private void run(TrainingJob job) {
        if (!job.start()) {
            return;
        }
        TrainingJobRequest request = job.request();
        Path work = null;
        try {
            work = Files.createTempDirectory("gan-job-" + job.id() + "-");
            GanSettings settings = GanSettings.dcgan(request.epochsOrDefault(), request.batchSizeOrDefault(),
                    request.learningRateOrDefault());
            MnistData train = MnistData.load(MnistData.Split.TRAIN);
            Path startFrom = request.startFrom() == null ? null
                    : Path.of(properties.models().location()).toAbsolutePath().resolve(request.startFrom());
            int[] epochNow = {1};
            TrainingRun run = new TrainingRun(settings, work);
            TrainingRun.Listener listener = new TrainingRun.Listener() {
                @Override
                public void onBatch(int batch, int batches, float d, float g) {
                    job.batch(epochNow[0], batch, batches, d, g);
                }

                @Override
                public void onEpoch(GanTrainer.EpochLosses losses, Path grid) {
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
                Map<String, Object> metrics = publish(version, trainer, run, settings, request, train);
                job.succeeded(version, metrics);
                log.info("Training job {} finished: version {} ({})", job.id(), version, metrics);
            }
        } catch (Exception | Error e) {
            log.error("Training job {} failed", job.id(), e);
            job.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Writes the version directory (weights, pictures, card last) and makes the registry list it. */
    private Map<String, Object> publish(String version, GanTrainer trainer, TrainingRun run, GanSettings settings,
                                        TrainingJobRequest request, MnistData train) throws Exception {
        Path dir = models.addVersion(version);
        int epochs = run.history().size();
        trainer.saveGenerator(dir, epochs);
        Files.copy(run.workDir().resolve("samples-latest.png"), dir.resolve("samples.png"),
                StandardCopyOption.REPLACE_EXISTING);
        run.writeLossCurve(dir.resolve("loss-curve.png"));
        Map<String, Object> metrics;
        GanProperties.Training limits = properties.training();
        try (EvalClassifier classifier = EvalClassifier.loadShipped()) {
            // as many test images as generated ones, so the Fréchet distance compares equal-sized sets
            GanEvaluation evaluation = new GanEvaluation(classifier, train,
                    MnistData.load(MnistData.Split.TEST).head(limits.evaluationSamples()));
            metrics = new LinkedHashMap<>(evaluation.evaluate(GanArchitecture.CDCGAN, trainer::generate,
                    new GanEvaluation.Options(limits.evaluationSamples(), limits.nearestSamples(), 7_000_000L)));
        }
        Map<String, Object> training = new LinkedHashMap<>(settings.describe());
        training.put("epochsTrained", epochs);
        training.put("maxBatchesPerEpoch", request.maxBatchesOrZero());
        training.put("startFrom", request.startFrom());
        training.put("trainingSeconds", Math.round(run.history().stream()
                .mapToDouble(GanTrainer.EpochLosses::seconds).sum()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("architecture", GanArchitecture.CDCGAN.id());
        details.put("conditional", true);
        details.put("generatorFlopsPerImage", GanArchitecture.CDCGAN.generatorFlops());
        details.put("createdBy", "training job");
        new ModelCard("cdcgan", version, Instant.now(), "MNIST (60,000 training images; 10,000 test images for"
                + " evaluation)", training, metrics, details).write(dir);
        models.rescan();
        return metrics;
    }

    Optional<Path> grid(String id) {
        return Optional.ofNullable(get(id).latestGrid()).filter(Files::isRegularFile);
    }

    byte[] read(Path png) {
        try {
            return Files.readAllBytes(png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        jobs.values().forEach(TrainingJob::cancel);
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
