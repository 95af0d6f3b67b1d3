package dev.aigc.serving.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {

    private static final Duration STALE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheLockToOneHolderAtATime() throws IOException {
        Path path = dir.resolve("lock");

        LockFile a = LockFile.tryAcquire(path, "replica-a", "job-1", STALE).orElseThrow();

        assertThat(LockFile.tryAcquire(path, "replica-b", "job-2", STALE)).isEmpty();
        assertThat(LockFile.holder(path)).get().satisfies(h -> {
            assertThat(h.owner()).isEqualTo("replica-a");
            assertThat(h.subject()).isEqualTo("job-1");
        });
        assertThat(a.heartbeat()).isTrue();
        a.release();
        assertThat(LockFile.holder(path)).isEmpty();
        LockFile b = LockFile.tryAcquire(path, "replica-b", "job-2", STALE).orElseThrow();
        assertThat(b.brokenHolder()).isEmpty();
        a.release();
        assertThat(LockFile.holder(path)).as("releasing someone else's lock does nothing").isPresent();
    }

    @Test
    void shouldBreakALockWhoseHolderStoppedTouchingIt() throws IOException {
        Path path = dir.resolve("lock");
        LockFile dead = LockFile.tryAcquire(path, "replica-a", "job-1", STALE).orElseThrow();
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));

        Optional<LockFile> next = LockFile.tryAcquire(path, "replica-b", "job-2", STALE);

        assertThat(next).isPresent();
        assertThat(next.get().brokenHolder()).get().extracting(LockFile.Holder::subject).isEqualTo("job-1");
        assertThat(dead.heartbeat()).as("the old holder learns it lost the lock").isFalse();
        assertThat(next.get().heartbeat()).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("nothing left behind but the guard").containsExactlyInAnyOrder("lock", "lock.guard");
        }
    }

    @Test
    void shouldNotBreakALockThatIsStillTouched() throws IOException {
        Path path = dir.resolve("lock");
        LockFile live = LockFile.tryAcquire(path, "replica-a", "job-1", STALE).orElseThrow();
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(Duration.ofSeconds(20))));
        assertThat(live.heartbeat()).isTrue();

        assertThat(LockFile.tryAcquire(path, "replica-b", "job-2", STALE)).isEmpty();
    }

    /**
     * Many rounds, because the race it guards against (a contender that saw the stale file removing the lock a
     * quicker contender has just taken) needs the threads to interleave just so.
     */
    @Test
    void shouldLetOnlyOneOfManyContendersTakeAStaleLock() throws Exception {
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            for (int round = 0; round < 300; round++) {
                Path path = dir.resolve("lock-" + round);
                LockFile.tryAcquire(path, "dead", "job-0", STALE).orElseThrow();
                Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<LockFile>>> results = new ArrayList<>();
                for (int c = 0; c < contenders; c++) {
                    String owner = "replica-" + c;
                    results.add(pool.submit(() -> {
                        go.await();
                        return LockFile.tryAcquire(path, owner, "job", STALE);
                    }));
                }
                go.countDown();
                List<LockFile> winners = new ArrayList<>();
                for (Future<Optional<LockFile>> result : results) {
                    result.get(30, TimeUnit.SECONDS).ifPresent(winners::add);
                }

                assertThat(winners).as("round %d", round).hasSize(1);
                assertThat(winners.get(0).heartbeat()).isTrue();
                assertThat(LockFile.holder(path)).get().extracting(LockFile.Holder::owner)
                        .isEqualTo(winners.get(0).holder().owner());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLetAHolderReleaseWhileOthersContend() throws Exception {
        Path path = dir.resolve("lock");
        int contenders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Integer>> overlaps = new ArrayList<>();
            AtomicInteger holding = new AtomicInteger();
            for (int c = 0; c < contenders; c++) {
                String owner = "replica-" + c;
                overlaps.add(pool.submit(() -> {
                    int seen = 0;
                    for (int i = 0; i < 200; i++) {
                        Optional<LockFile> lock = LockFile.tryAcquire(path, owner, "job-" + i, STALE);
                        if (lock.isPresent()) {
                            if (holding.incrementAndGet() > 1) {
                                seen++;
                            }
                            holding.decrementAndGet();
                            lock.get().release();
                        }
                    }
                    return seen;
                }));
            }
            for (Future<Integer> overlap : overlaps) {
                assertThat(overlap.get(60, TimeUnit.SECONDS)).as("two holders at once").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(LockFile.holder(path)).isEmpty();
    }
}
