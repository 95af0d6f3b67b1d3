package dev.aigc.gan.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigc.gan.GanProperties;
import dev.aigc.gan.model.GanGenerator;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ModelStore;
import dev.aigc.serving.store.LockFile;
import dev.aigc.serving.web.ApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** Job records, the one-job lock and runners that died, on a store folder, without a web layer. */
class StoredJobsTest {

    @TempDir
    Path dir;

    private TrainingJobs jobs;
    private ModelRegistry<GanGenerator> registry;

    @AfterEach
    void stop() throws InterruptedException {
        if (jobs != null) {
            jobs.shutdown();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldReportAJobWhoseRunnerDiedAsFailed() {
        TrainingJobs jobs = jobs();
        JobStore store = new JobStore(TrainingJobs.jobsDir(new ModelStore(dir)));
        TrainingJob dead = new TrainingJob("dead0001", new TrainingJobRequest(1, 16, null, null, null), "gan-0/7",
                store::save);
        dead.start();

        TrainingJob.Status seen = jobs.get("dead0001");

        assertThat(seen.state()).isEqualTo(TrainingJob.State.FAILED);
        assertThat(seen.error()).contains("gan-0/7").contains("stopped");
        assertThat(jobs.list()).extracting(TrainingJob.Status::state).containsExactly(TrainingJob.State.FAILED);
        assertThatThrownBy(() -> jobs.cancel("dead0001")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThatThrownBy(() -> jobs.get("nope0000")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> jobs.get("../../etc")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void shouldRefuseAJobWhileAnotherProcessHoldsTheLockAndTakeOverAStaleOne() throws Exception {
        Assumptions.assumeTrue(MnistData.locate().isPresent(), "MNIST not found: run scripts/fetch-mnist.sh");
        TrainingJobs jobs = jobs();
        JobStore store = new JobStore(TrainingJobs.jobsDir(new ModelStore(dir)));
        TrainingJob other = new TrainingJob("other001", new TrainingJobRequest(1, 16, null, null, null), "gan-1/9",
                store::save);
        LockFile held = LockFile.tryAcquire(store.lockPath(), "gan-1/9", other.id(), Duration.ofSeconds(30))
                .orElseThrow();
        other.start();

        assertThatThrownBy(() -> jobs.submit(new TrainingJobRequest(1, 16, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getMessage()).contains("other001").contains("gan-1/9");
                });
        assertThat(jobs.get("other001").state()).as("its runner is alive").isEqualTo(TrainingJob.State.RUNNING);

        // the other process dies: its lock is no longer touched
        Files.setLastModifiedTime(store.lockPath(), FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        TrainingJob.Status started = jobs.submit(new TrainingJobRequest(1, 16, null, null, null));

        assertThat(store.load("other001").orElseThrow().state()).as("recorded as failed by the new runner")
                .isEqualTo(TrainingJob.State.FAILED);
        assertThat(held.heartbeat()).as("the dead runner's lock is gone").isFalse();
        assertThat(LockFile.holder(store.lockPath())).get().extracting(LockFile.Holder::subject)
                .isEqualTo(started.id());
        jobs.cancel(started.id());
        Instant deadline = Instant.now().plusSeconds(60);
        while (jobs.get(started.id()).state().isActive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(jobs.get(started.id()).state()).isEqualTo(TrainingJob.State.CANCELLED);
        // a runner records its end before it releases the lock (TrainingJobs relies on that order), so the release
        // can trail the CANCELLED record by a moment
        while (LockFile.holder(store.lockPath()).isPresent() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(LockFile.holder(store.lockPath())).as("released at the end").isEmpty();
    }

    @Test
    void shouldRunAJobFromTheCommandLineIntoTheStore() throws Exception {
        Assumptions.assumeTrue(MnistData.locate().isPresent(), "MNIST not found: run scripts/fetch-mnist.sh");
        Path store = dir.resolve("store");
        String[] args = {"--store", store.toString(), "--epochs", "1", "--batch-size", "16",
                "--max-batches-per-epoch", "2", "--evaluation-samples", "100", "--nearest-samples", "10"};

        assertThat(TrainingJobCommand.run(args)).isZero();

        ModelStore versions = new ModelStore(store.resolve("cdcgan"));
        JobStore records = new JobStore(TrainingJobs.jobsDir(versions));
        TrainingJob.Status job = records.list().get(0);
        assertThat(job.state()).isEqualTo(TrainingJob.State.SUCCEEDED);
        assertThat(versions.contains(job.resultVersion())).isTrue();
        assertThat(versions.dir().resolve(job.resultVersion()).resolve("samples.png")).exists();
        assertThat(Files.isRegularFile(records.grid(job.id()))).isTrue();
        assertThat(LockFile.holder(records.lockPath())).isEmpty();

        LockFile.tryAcquire(records.lockPath(), "elsewhere", "busy0001", Duration.ofSeconds(30)).orElseThrow();
        assertThat(TrainingJobCommand.run(args)).as("refused while another job holds the lock").isEqualTo(2);
        assertThat(TrainingJobCommand.run(new String[] {"--epochs", "1"})).as("no store").isEqualTo(2);
    }

    private TrainingJobs jobs() {
        registry = new ModelRegistry<>("cdcgan", dir.toString(), (d, card) -> null, null);
        GanProperties properties = new GanProperties(new GanProperties.Models(dir.toString(), "", ""), 1, 0.7,
                new GanProperties.Training(100, 10, Duration.ofSeconds(30), Duration.ofMillis(200)),
                new GanProperties.Generation(1, 1, Duration.ofSeconds(10), 64));
        jobs = new TrainingJobs(registry, properties);
        return jobs;
    }
}
