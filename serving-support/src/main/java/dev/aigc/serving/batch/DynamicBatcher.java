package dev.aigc.serving.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

/**
 * Groups concurrent requests into batches so that one forward pass serves many callers.
 *
 * <p>Callers {@link #submit} an item and get a future. Each worker thread takes the oldest waiting item, then
 * keeps taking items until it holds {@code maxBatchSize} of them or {@code maxDelay} has passed since that first
 * item arrived, calls the {@link BatchFunction} once and completes the futures in order. The queue is bounded:
 * when it is full, {@code submit} throws {@link QueueFullException} at once (503 with {@code Retry-After}). A
 * result that takes longer than {@code timeout} fails with {@link InferenceTimeoutException}. With
 * {@code enabled=false} every item is run alone on the same workers.
 *
 * <p>Metrics, all tagged {@code batcher=<name>}: timer {@code inference.queue.time}, distribution summary
 * {@code inference.batch.size}, timer {@code inference.time} (one forward pass), gauge {@code inference.queue.size}.
 *
 * <p>{@link #close()} stops admission, lets the workers finish what is queued (within the timeout) and fails
 * whatever is left, so no future is ever left hanging.
 */
public class DynamicBatcher<I, O> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamicBatcher.class);

    private final String name;
    private final BatcherSettings settings;
    private final BatchFunction<I, O> fn;
    private final BlockingQueue<Pending<I, O>> queue;
    private final Object admission = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledThreadPoolExecutor timeouts;
    private final BatcherMetrics metrics;
    /** Exponentially weighted average duration of one forward pass, for the Retry-After estimate. */
    private final AtomicLong averageBatchNanos = new AtomicLong();
    private volatile boolean closed;

    public DynamicBatcher(String name, BatcherSettings settings, BatchFunction<I, O> fn, MeterRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fn = Objects.requireNonNull(fn, "fn");
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.metrics = new BatcherMetrics(name, Objects.requireNonNull(registry, "registry"), queue);
        this.timeouts = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "batcher-" + name + "-timeouts"));
        this.timeouts.setRemoveOnCancelPolicy(true);
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = daemon(this::work, "batcher-" + name + "-" + i);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Queues one item.
     *
     * @throws QueueFullException when the queue is full (nothing was queued)
     * @throws ApiException       503 when the batcher is closed
     */
    public CompletableFuture<O> submit(I item) {
        synchronized (admission) {
            ensureOpen();
            Pending<I, O> pending = new Pending<>(item);
            if (!queue.offer(pending)) {
                throw queueFull();
            }
            armTimeout(pending);
            return pending.future;
        }
    }

    /**
     * Queues several items, all or none: when they do not all fit, nothing is queued and {@link QueueFullException}
     * is thrown. The futures are in the order of {@code items}.
     *
     * @throws ApiException 413 when there are more items than the queue can ever hold
     */
    public List<CompletableFuture<O>> submitAll(List<I> items) {
        if (items.size() > settings.queueCapacity()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Too many items",
                    items.size() + " items in one request; at most " + settings.queueCapacity() + " are accepted");
        }
        synchronized (admission) {
            ensureOpen();
            if (queue.remainingCapacity() < items.size()) {
                throw queueFull();
            }
            List<CompletableFuture<O>> futures = new ArrayList<>(items.size());
            for (I item : items) {
                Pending<I, O> pending = new Pending<>(item);
                queue.add(pending); // cannot fail: only this lock adds, and the capacity was checked
                armTimeout(pending);
                futures.add(pending.future);
            }
            return futures;
        }
    }

    public String name() {
        return name;
    }

    public BatcherSettings settings() {
        return settings;
    }

    /** Items waiting for a worker right now. */
    public int queueSize() {
        return queue.size();
    }

    /** Stops admission, finishes queued work within the timeout, fails what is left. Idempotent. */
    @Override
    public void close() {
        synchronized (admission) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        for (Thread worker : workers) {
            joinUntil(worker, deadline);
        }
        for (Thread worker : workers) {
            if (worker.isAlive()) {
                log.warn("Batcher '{}' worker {} still busy after {}; interrupting it", name, worker.getName(),
                        settings.timeout());
                worker.interrupt();
                joinUntil(worker, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
        List<Pending<I, O>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.future.completeExceptionally(shuttingDown()));
        timeouts.shutdownNow();
        metrics.remove();
    }

    private void work() {
        int batchSize = settings.effectiveBatchSize();
        long maxDelayNanos = settings.enabled() ? settings.maxDelay().toNanos() : 0;
        List<Pending<I, O>> batch = new ArrayList<>(batchSize);
        while (!(closed && queue.isEmpty())) {
            try {
                Pending<I, O> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = first.enqueuedNanos + maxDelayNanos;
                while (batch.size() < batchSize) {
                    queue.drainTo(batch, batchSize - batch.size());
                    long wait = deadline - System.nanoTime();
                    if (batch.size() >= batchSize || wait <= 0) {
                        break;
                    }
                    Pending<I, O> next = queue.poll(wait, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                run(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.future.completeExceptionally(shuttingDown()));
                return;
            } catch (Throwable unexpected) {
                log.error("Batcher '{}' worker failed; failing its batch", name, unexpected);
                batch.forEach(p -> p.future.completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    private void run(List<Pending<I, O>> taken) {
        long start = System.nanoTime();
        List<Pending<I, O>> live = new ArrayList<>(taken.size());
        for (Pending<I, O> pending : taken) {
            if (!pending.future.isDone()) { // skip items whose caller already timed out or gave up
                live.add(pending);
                metrics.queueTime.record(start - pending.enqueuedNanos, TimeUnit.NANOSECONDS);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        List<I> inputs = new ArrayList<>(live.size());
        live.forEach(p -> inputs.add(p.item));
        metrics.batchSize.record(live.size());
        List<O> outputs;
        try {
            outputs = fn.apply(inputs);
        } catch (Throwable failure) {
            live.forEach(p -> p.future.completeExceptionally(failure));
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return;
        } finally {
            long elapsed = System.nanoTime() - start;
            metrics.inferenceTime.record(elapsed, TimeUnit.NANOSECONDS);
            averageBatchNanos.updateAndGet(avg -> avg == 0 ? elapsed : (avg * 7 + elapsed) / 8);
        }
        if (outputs == null || outputs.size() != live.size()) {
            IllegalStateException wrongCount = new IllegalStateException("Batch function of '" + name + "' returned "
                    + (outputs == null ? "null" : outputs.size() + " results") + " for " + live.size() + " inputs");
            log.error(wrongCount.getMessage());
            live.forEach(p -> p.future.completeExceptionally(wrongCount));
            return;
        }
        for (int i = 0; i < live.size(); i++) {
            live.get(i).future.complete(outputs.get(i));
        }
    }

    private void armTimeout(Pending<I, O> pending) {
        ScheduledFuture<?> timer = timeouts.schedule(
                () -> pending.future.completeExceptionally(new InferenceTimeoutException(name, settings.timeout())),
                settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
        pending.future.whenComplete((result, failure) -> timer.cancel(false));
    }

    private QueueFullException queueFull() {
        long perBatch = Math.max(averageBatchNanos.get(), settings.maxDelay().toNanos());
        double batchesAhead = Math.ceil((double) queue.size() / settings.effectiveBatchSize() / settings.workers());
        long seconds = (long) Math.ceil(batchesAhead * perBatch / 1e9);
        return new QueueFullException(name, settings.queueCapacity(), Math.max(1, seconds));
    }

    private void ensureOpen() {
        if (closed) {
            throw shuttingDown();
        }
    }

    private ApiException shuttingDown() {
        return ApiException.unavailable("The inference queue '" + name + "' is shutting down");
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task, String threadName) {
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        return thread;
    }

    /** An item, its caller's future and when it was queued. */
    private static final class Pending<I, O> {
        final I item;
        final CompletableFuture<O> future = new CompletableFuture<>();
        final long enqueuedNanos = System.nanoTime();

        Pending(I item) {
            this.item = item;
        }
    }

    @Override
    public String toString() {
        return "DynamicBatcher[" + name + ", " + settings + "]";
    }
}
