package dev.aigc.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

class ModelStoreTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepAStagedVersionInvisibleUntilItIsPublishedWhole() throws IOException {
        ModelStore store = new ModelStore(dir);
        DirectoryModelSource listing = new DirectoryModelSource(dir);

        try (ModelStore.StagedVersion staged = store.stage("v1")) {
            Files.writeString(staged.dir().resolve("weights.txt"), "w".repeat(10_000));
            card("v1").write(staged.dir());
            assertThat(listing.scan()).as("staged, not published").isEmpty();
            assertThat(store.contains("v1")).isFalse();

            Path published = staged.publish();

            assertThat(published).isEqualTo(dir.resolve("v1"));
            assertThat(published.resolve("weights.txt")).hasContent("w".repeat(10_000));
        }
        assertThat(listing.scan()).containsOnlyKeys("v1");
        try (var staging = Files.list(dir.resolve(ModelStore.STAGING))) {
            assertThat(staging).as("nothing left behind").isEmpty();
        }
    }

    @Test
    void shouldRefuseToPublishWithoutACardAndDeleteAnAbandonedStaging() throws IOException {
        ModelStore store = new ModelStore(dir);
        Path staging;
        try (ModelStore.StagedVersion staged = store.stage("v1")) {
            staging = staged.dir();
            Files.writeString(staging.resolve("weights.txt"), "half");
            assertThatThrownBy(staged::publish).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("model-card.json");
        }
        assertThat(staging).doesNotExist();
        assertThat(dir.resolve("v1")).doesNotExist();
    }

    @Test
    void shouldNeverReplaceAPublishedVersion() throws IOException {
        ModelStore store = new ModelStore(dir);
        ModelStore.StagedVersion first = store.stage("v1");
        ModelStore.StagedVersion second = store.stage("v1"); // both started before either published
        Files.writeString(first.dir().resolve("weights.txt"), "first");
        card("v1").write(first.dir());
        Files.writeString(second.dir().resolve("weights.txt"), "second");
        card("v1").write(second.dir());

        first.publish();

        assertThatThrownBy(second::publish).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        second.close();
        first.close();
        assertThat(dir.resolve("v1/weights.txt")).hasContent("first");
        assertThatThrownBy(() -> store.stage("v1")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThatThrownBy(() -> store.stage("../v2")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void shouldLetExactlyOneOfManyConcurrentWritersPublishAVersion() throws Exception {
        ModelStore store = new ModelStore(dir);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String content = "writer-" + w;
            results.add(pool.submit(() -> {
                go.await();
                try (ModelStore.StagedVersion staged = store.stage("v1")) {
                    Files.writeString(staged.dir().resolve("weights.txt"), content);
                    card("v1").write(staged.dir());
                    staged.publish();
                    return content;
                } catch (ApiException e) {
                    return "refused";
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<String> winners = outcomes.stream().filter(o -> !o.equals("refused")).toList();
        assertThat(winners).hasSize(1);
        assertThat(dir.resolve("v1/weights.txt")).hasContent(winners.get(0));
    }

    @Test
    void shouldRecordTheActiveVersionSoThatReadersNeverSeeAPartialRecord() throws Exception {
        ModelStore writer = new ModelStore(dir);
        ModelStore reader = new ModelStore(dir);
        assertThat(reader.recordedActive()).isEmpty();
        writer.recordActive("v0", "test");
        AtomicBoolean stop = new AtomicBoolean();
        List<String> seen = new ArrayList<>();
        Thread readerThread = new Thread(() -> {
            while (!stop.get()) {
                // an unreadable (partial) record would come back empty
                seen.add(reader.recordedActive().map(ModelStore.ActiveVersion::version).orElse("UNREADABLE"));
            }
        });
        readerThread.start();
        for (int i = 1; i <= 300; i++) {
            writer.recordActive("v" + i, "replica-" + (i % 2));
        }
        stop.set(true);
        readerThread.join(10_000);

        assertThat(seen).isNotEmpty().doesNotContain("UNREADABLE").allMatch(v -> v.matches("v\\d+"));
        assertThat(reader.recordedActive()).get().satisfies(r -> {
            assertThat(r.version()).isEqualTo("v300");
            assertThat(r.activatedBy()).isEqualTo("replica-0");
            assertThat(r.activatedAt()).isBeforeOrEqualTo(Instant.now());
        });
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ModelStore.ACTIVE_FILE);
        }
    }

    @Test
    void shouldSeedTheBuiltInVersionsOnceAndLeaveThemAsTheyAre() throws IOException {
        ModelStores stores = new ModelStores(dir, getClass().getClassLoader());

        String location = stores.location("demo", "classpath:models/demo");

        assertThat(location).isEqualTo(dir.resolve("demo").toString());
        assertThat(dir.resolve("demo/v2/extra/vocab.txt")).hasContent("vocabulary");
        assertThat(dir.resolve("demo/v1/weights.txt")).exists();
        Files.writeString(dir.resolve("demo/v1/weights.txt"), "kept");
        stores.location("demo", "classpath:models/demo");
        assertThat(dir.resolve("demo/v1/weights.txt")).as("present versions are not copied again").hasContent("kept");
        assertThat(new ModelStores(null, getClass().getClassLoader()).location("demo", "classpath:models/demo"))
                .as("no store: the built-in location as before").isEqualTo("classpath:models/demo");
    }

    private static ModelCard card(String version) {
        return new ModelCard("text", version, Instant.now(), "test", Map.of(), Map.of(), Map.of());
    }
}
