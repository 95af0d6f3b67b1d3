package dev.aigc.gan.generate;

import dev.aigc.gan.GanProperties;
import dev.aigc.serving.batch.DynamicBatcher;
import dev.aigc.serving.batch.InferenceTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Bounds generation work: requests run one at a time on each of {@code gan.generation.workers} threads, at most
 * {@code queue-capacity} wait, and the rest are refused at once with 503 and {@code Retry-After} (the shared
 * {@link DynamicBatcher}, with batching off). A caller waits at most {@code timeout}; then it is answered 503 and its
 * work is dropped: not started if it was still queued, stopped at the next chunk if it was running
 * ({@link Deadline#check()}). So a burst of clients that give up costs what the workers can do in the timeout,
 * nothing more, and PyTorch's native memory grows with the workers, not with the clients.
 */
@Component
public class GenerationQueue implements AutoCloseable {

    private final DynamicBatcher<Job<?>, Object> batcher;
    private final Duration timeout;

    GenerationQueue(GanProperties properties, MeterRegistry meters) {
        GanProperties.Generation settings = properties.generation();
        this.timeout = settings.timeout();
        this.batcher = new DynamicBatcher<>("gan-generation", settings.batcherSettings(),
                jobs -> jobs.stream().<Object>map(Job::run).toList(), meters);
    }

    /** Runs {@code work} on a generation worker and waits for its result (503 when full or too slow). */
    @SuppressWarnings("unchecked")
    public <T> T run(Function<Deadline, T> work) {
        Job<T> job = new Job<>(work, new Deadline(System.nanoTime() + timeout.toNanos(), timeout));
        CompletableFuture<Object> result = batcher.submit(job);
        try {
            return (T) result.join();
        } finally {
            job.deadline.abandon(); // whatever happened, nobody waits for this work any more
        }
    }

    @Override
    public void close() {
        batcher.close();
    }

    /** When the caller stops waiting; long work calls {@link #check()} between its steps. */
    public static final class Deadline {
        private final long nanos;
        private final Duration timeout;
        private volatile boolean abandoned;

        Deadline(long nanos, Duration timeout) {
            this.nanos = nanos;
            this.timeout = timeout;
        }

        void abandon() {
            abandoned = true;
        }

        /** Throws the 503 the caller has already been given, or will be, once nobody waits for the result. */
        public void check() {
            if (abandoned || System.nanoTime() - nanos > 0) { // overflow-safe comparison of nanoTime values
                throw new InferenceTimeoutException("gan-generation", timeout);
            }
        }
    }

    private record Job<T>(Function<Deadline, T> work, Deadline deadline) {
        T run() {
            deadline.check();
            return work.apply(deadline);
        }
    }
}
