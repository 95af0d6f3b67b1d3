package dev.aigc.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

class DynamicBatcherTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<DynamicBatcher<?, ?>> opened = new ArrayList<>();

    @AfterEach
    void closeBatchers() {
        opened.forEach(DynamicBatcher::close);
    }

    @Test
    void shouldFormBatchesUpToMaxBatchSize() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(4, 300, 64, 1), this::doubled);

        List<CompletableFuture<Integer>> futures = batcher.submitAll(range(10));
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(batches).extracting(List::size).containsExactly(4, 4, 2);
    }

    @Test
    void shouldKeepTheOrderOfItemsAndResults() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(8, 20, 256, 2), this::doubled);

        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(batcher.submit(i));
        }

        for (int i = 0; i < 100; i++) {
            assertThat(futures.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(2 * i);
        }
        for (List<Integer> batch : List.copyOf(batches)) {
            assertThat(batch).isSorted();
        }
    }

    @Test
    void shouldWaitAtMostMaxDelayForMoreItems() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(64, 250, 64, 1), this::doubled);

        long start = System.nanoTime();
        assertThat(batcher.submit(21).get(5, TimeUnit.SECONDS)).isEqualTo(42);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).as("waited for company, but not forever").isBetween(230L, 2_000L);
        assertThat(batches).containsExactly(List.of(21));
    }

    @Test
    void shouldNotWaitWhenMaxDelayIsZero() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(64, 0, 64, 1), this::doubled);

        long start = System.nanoTime();
        batcher.submit(1).get(5, TimeUnit.SECONDS);

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(200L);
    }

    @Test
    void shouldRejectAtOnceWhenTheQueueIsFull() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(1, 0, 2, 1), batch -> {
            started.countDown();
            release.await();
            return doubled(batch);
        });
        CompletableFuture<Integer> running = batcher.submit(1);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> queued1 = batcher.submit(2);
        CompletableFuture<Integer> queued2 = batcher.submit(3);

        long start = System.nanoTime();
        Throwable refused = catchThrowable(() -> batcher.submit(4));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).as("refused without waiting for room (the worker is blocked)").isLessThan(500L);
        assertThat(refused).isInstanceOfSatisfying(QueueFullException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.retryAfterSeconds()).isPositive();
            assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(Long.toString(e.retryAfterSeconds()));
            assertThat(e.getMessage()).contains("full");
        });
        assertThat(batcher.queueSize()).isEqualTo(2);

        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(queued1.get(5, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(queued2.get(5, TimeUnit.SECONDS)).isEqualTo(6);
    }

    @Test
    void shouldAdmitSubmitAllWhollyOrNotAtAll() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(1, 0, 3, 1), batch -> {
            started.countDown();
            release.await();
            return doubled(batch);
        });
        batcher.submit(0);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        batcher.submit(1);

        assertThatThrownBy(() -> batcher.submitAll(List.of(2, 3, 4))).isInstanceOf(QueueFullException.class);
        assertThat(batcher.queueSize()).as("nothing of the refused request was queued").isEqualTo(1);
        assertThatThrownBy(() -> batcher.submitAll(range(4)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));

        List<CompletableFuture<Integer>> accepted = batcher.submitAll(List.of(5, 6));
        release.countDown();
        assertThat(accepted.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(12);
    }

    @Test
    void shouldFailOnlyTheBatchWhoseFunctionThrew() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(8, 100, 64, 1), batch -> {
            if (batch.contains(13)) {
                throw new IllegalArgumentException("unlucky batch");
            }
            return doubled(batch);
        });

        List<CompletableFuture<Integer>> bad = batcher.submitAll(List.of(12, 13, 14));
        for (CompletableFuture<Integer> future : bad) {
            assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("unlucky batch");
        }
        List<CompletableFuture<Integer>> good = batcher.submitAll(List.of(1, 2, 3));

        assertThat(good.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(6);
    }

    @Test
    void shouldFailTheBatchWhenTheFunctionReturnsTheWrongCount() {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(8, 50, 64, 1), batch -> List.of(1));

        List<CompletableFuture<Integer>> futures = batcher.submitAll(List.of(1, 2));

        assertThatThrownBy(() -> futures.get(1).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned 1 results for 2 inputs");
    }

    @Test
    void shouldTimeOutItemsThatWaitTooLong() {
        BatcherSettings quick = new BatcherSettings(true, 4, Duration.ZERO, 16, 1, Duration.ofMillis(150));
        DynamicBatcher<Integer, Integer> batcher = batcher(quick, batch -> {
            Thread.sleep(1_000);
            return doubled(batch);
        });

        long start = System.nanoTime();
        CompletableFuture<Integer> slow = batcher.submit(1);
        CompletableFuture<Integer> queuedBehind = batcher.submit(2);

        assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InferenceTimeoutException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(900L);
        assertThatThrownBy(() -> queuedBehind.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InferenceTimeoutException.class);
    }

    @Test
    void shouldLoseNoFutureUnderSixteenConcurrentSubmitters() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(16, 2, 64, 2), batch -> {
            Thread.sleep(1);
            return doubled(batch);
        });
        int submitters = 16;
        int perSubmitter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        List<Future<List<CompletableFuture<Integer>>>> work = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int s = 0; s < submitters; s++) {
            int base = s * perSubmitter;
            work.add(pool.submit(() -> {
                go.await();
                List<CompletableFuture<Integer>> mine = new ArrayList<>();
                for (int i = 0; i < perSubmitter; i++) {
                    while (true) {
                        try {
                            mine.add(batcher.submit(base + i));
                            break;
                        } catch (QueueFullException full) {
                            Thread.sleep(1); // back off like a client honouring Retry-After, only faster
                        }
                    }
                }
                return mine;
            }));
        }
        go.countDown();

        int checked = 0;
        for (int s = 0; s < submitters; s++) {
            List<CompletableFuture<Integer>> mine = work.get(s).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < perSubmitter; i++) {
                assertThat(mine.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(2 * (s * perSubmitter + i));
                checked++;
            }
        }
        pool.shutdown();

        assertThat(checked).isEqualTo(submitters * perSubmitter);
        List<List<Integer>> seen = List.copyOf(batches);
        assertThat(seen.stream().mapToInt(List::size).sum()).isEqualTo(submitters * perSubmitter);
        assertThat(seen).allSatisfy(batch -> assertThat(batch.size()).isBetween(1, 16));
        assertThat(seen.stream().mapToInt(List::size).max().orElse(0)).as("batching happened").isGreaterThan(1);
    }

    @Test
    void shouldRunEveryItemAloneWhenBatchingIsDisabled() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(8, 100, 64, 1).withEnabled(false), this::doubled);

        List<CompletableFuture<Integer>> futures = batcher.submitAll(range(10));
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(batches).hasSize(10).allSatisfy(batch -> assertThat(batch).hasSize(1));
        assertThat(futures.get(9).get()).isEqualTo(18);
    }

    @Test
    void shouldFinishQueuedWorkOnClose() {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(2, 0, 64, 1), batch -> {
            Thread.sleep(20);
            return doubled(batch);
        });
        List<CompletableFuture<Integer>> futures = batcher.submitAll(range(10));

        batcher.close();

        assertThat(futures).allSatisfy(future -> assertThat(future).isCompleted());
        assertThat(futures.get(9).join()).isEqualTo(18);
        assertThatThrownBy(() -> batcher.submit(1)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void shouldFailWhatCannotFinishOnClose() {
        CountDownLatch never = new CountDownLatch(1);
        BatcherSettings shortTimeout = new BatcherSettings(true, 1, Duration.ZERO, 64, 1, Duration.ofMillis(300));
        DynamicBatcher<Integer, Integer> batcher = batcher(shortTimeout, batch -> {
            never.await();
            return doubled(batch);
        });
        List<CompletableFuture<Integer>> futures = batcher.submitAll(range(5));

        long start = System.nanoTime();
        batcher.close();

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000L);
        assertThat(futures).allSatisfy(future -> assertThat(future).isCompletedExceptionally());
    }

    @Test
    void shouldRecordQueueTimeBatchSizeAndInferenceTime() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(settings(4, 50, 64, 1), this::doubled);

        List<CompletableFuture<Integer>> futures = batcher.submitAll(range(8));
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(meters.get("inference.batch.size").tag("batcher", "test").summary().totalAmount()).isEqualTo(8);
        assertThat(meters.get("inference.queue.time").tag("batcher", "test").timer().count()).isEqualTo(8);
        assertThat(meters.get("inference.time").tag("batcher", "test").timer().count()).isEqualTo(batches.size());
        assertThat(meters.get("inference.queue.size").tag("batcher", "test").gauge().value()).isZero();

        batcher.close();
        assertThat(meters.find("inference.time").tag("batcher", "test").timer()).as("removed on close").isNull();
    }

    private DynamicBatcher<Integer, Integer> batcher(BatcherSettings settings, BatchFunction<Integer, Integer> fn) {
        DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("test", settings, batch -> {
            batches.add(List.copyOf(batch));
            return fn.apply(batch);
        }, meters);
        opened.add(batcher);
        return batcher;
    }

    private List<Integer> doubled(List<Integer> batch) {
        return batch.stream().map(i -> 2 * i).toList();
    }

    private static BatcherSettings settings(int maxBatch, long delayMs, int capacity, int workers) {
        return new BatcherSettings(true, maxBatch, Duration.ofMillis(delayMs), capacity, workers, Duration.ofSeconds(10));
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
