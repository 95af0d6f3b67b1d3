package dev.aigc.gan.jobs;

import dev.aigc.gan.GanProperties;
import dev.aigc.gan.training.TrainGanCommand;
import dev.aigc.serving.model.ModelStore;
import dev.aigc.serving.web.ApiException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one training job outside the service, e.g. as a Kubernetes {@code Job} on a GPU node, with the service's image
 * and the same job code: it takes the store's one-job lock, records its progress where every replica's
 * {@code GET /api/v1/gan/training-jobs} shows it, honours cancel requests made through any replica and publishes the
 * new version into the store (not activated). Exit code 0 when the job succeeded, 1 when it failed or was cancelled,
 * 2 when it could not start (another job holds the lock, bad arguments).
 *
 * <pre>
 * java -jar gan-service.jar train-job --store /var/lib/aigc/model-store [--epochs 12] [--batch-size 128]
 *     [--learning-rate 2e-4] [--start-from v1] [--max-batches-per-epoch N] [--evaluation-samples 2000]
 * </pre>
 * {@code --store} defaults to {@code $MODEL_STORE_DIR}.
 */
public final class TrainingJobCommand {

    /** The first argument that selects this command in {@code GanApplication}. */
    public static final String NAME = "train-job";

    private TrainingJobCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> o = TrainGanCommand.parse(args);
        String store = o.getOrDefault("store", System.getenv("MODEL_STORE_DIR"));
        if (store == null || store.isBlank()) {
            System.err.println("train-job: --store DIR (or MODEL_STORE_DIR) is required");
            return 2;
        }
        TrainingJobRequest request = new TrainingJobRequest(integer(o, "epochs"), integer(o, "batch-size"),
                o.containsKey("learning-rate") ? Double.valueOf(o.get("learning-rate")) : null, o.get("start-from"),
                integer(o, "max-batches-per-epoch"));
        GanProperties.Training settings = new GanProperties.Training(
                Integer.parseInt(o.getOrDefault("evaluation-samples", "2000")),
                Integer.parseInt(o.getOrDefault("nearest-samples", "200")),
                Duration.parse(o.getOrDefault("lock-stale-after", "PT30S")), Duration.ofMillis(500));
        ModelStore versions = new ModelStore(Path.of(store).resolve("cdcgan"));
        JobRunner runner = new JobRunner(versions, new JobStore(TrainingJobs.jobsDir(versions)), settings);
        JobRunner.Admitted admitted;
        try {
            admitted = runner.admit(request);
        } catch (ApiException e) {
            System.err.println("train-job: " + e.getMessage());
            return 2;
        }
        System.out.println("train-job: job " + admitted.job().id() + " started; records in " + runner.jobs().dir());
        runner.run(admitted, version -> System.out.println("train-job: published version " + version + " in "
                + versions.dir() + " (activate it with POST /api/v1/gan/models/" + version + "/activate)"));
        TrainingJob.Status end = admitted.job().status();
        System.out.println("train-job: job " + end.id() + " " + end.state()
                + (end.error() == null ? "" : ": " + end.error()));
        return end.state() == TrainingJob.State.SUCCEEDED ? 0 : 1;
    }

    private static Integer integer(Map<String, String> o, String key) {
        return o.containsKey(key) ? Integer.valueOf(o.get(key)) : null;
    }
}
