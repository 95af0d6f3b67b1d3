package dev.aigc.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

class ModelRegistryTest {

    @TempDir
    Path root;

    private final List<ModelRegistry<TextModel>> registries = new ArrayList<>();
    private final List<TextModel> loaded = new ArrayList<>();

    @AfterEach
    void closeRegistries() {
        registries.forEach(ModelRegistry::close);
    }

    @Test
    void shouldListVersionsOldestFirstAndLoadTheNewestByDefault() throws IOException {
        writeVersion("v10", Instant.parse("2026-03-01T00:00:00Z"), "newest");
        writeVersion("v2", Instant.parse("2026-01-01T00:00:00Z"), "oldest");
        writeVersion("v3", Instant.parse("2026-02-01T00:00:00Z"), "middle");
        Files.createDirectories(root.resolve("half-written")); // no card yet: not a version
        ModelRegistry<TextModel> registry = registry(root.toString(), null);

        registry.start();

        assertThat(registry.versions()).extracting(ModelCard::version).containsExactly("v2", "v3", "v10");
        assertThat(registry.active().version()).isEqualTo("v10");
        assertThat(registry.active().model().text()).isEqualTo("newest");
        assertThat(registry.card("v3")).get().extracting(ModelCard::dataset).isEqualTo("test digits");
        assertThat(registry.status().state()).isEqualTo(ModelRegistry.State.LOADED);
    }

    @Test
    void shouldLoadTheConfiguredDefaultVersionAndRefuseAMissingOne() throws IOException {
        writeVersion("a", Instant.parse("2026-01-01T00:00:00Z"), "A");
        writeVersion("b", Instant.parse("2026-02-01T00:00:00Z"), "B");

        ModelRegistry<TextModel> pinned = registry(root.toString(), "a");
        pinned.start();
        assertThat(pinned.active().model().text()).isEqualTo("A");

        ModelRegistry<TextModel> missing = registry(root.toString(), "zz");
        assertThatThrownBy(missing::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'zz' not found").hasMessageContaining("[a, b]");
        assertThat(missing.status().state()).isEqualTo(ModelRegistry.State.FAILED);
    }

    @Test
    void shouldActivateAnotherVersionAndCloseTheOldOne() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        writeVersion("v2", Instant.parse("2026-02-01T00:00:00Z"), "two");
        ModelRegistry<TextModel> registry = registry(root.toString(), null);
        registry.start();
        TextModel two = registry.active().model();

        LoadedModel<TextModel> one = registry.activate("v1");

        assertThat(one.model().text()).isEqualTo("one");
        assertThat(registry.active()).isSameAs(one);
        assertThat(two.isClosed()).isTrue();
        assertThat(registry.activate("v1")).as("activating the active version is a no-op").isSameAs(one);
    }

    @Test
    void shouldAnswer404ForAnUnknownVersion() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        ModelRegistry<TextModel> registry = registry(root.toString(), null);
        registry.start();

        assertThatThrownBy(() -> registry.activate("v7"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getMessage()).contains("'v7'").contains("[v1]");
                });
        assertThat(registry.active().version()).isEqualTo("v1");
    }

    @Test
    void shouldKeepALeasedModelOpenUntilTheLeaseEnds() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        writeVersion("v2", Instant.parse("2026-02-01T00:00:00Z"), "two");
        ModelRegistry<TextModel> registry = registry(root.toString(), "v1");
        registry.start();

        ModelLease<TextModel> lease = registry.acquire();
        registry.activate("v2");

        assertThat(lease.model().isClosed()).as("still in use").isFalse();
        assertThat(lease.model().use()).isEqualTo("one");
        lease.close();
        assertThat(lease.model().isClosed()).isTrue();
        lease.close(); // releasing twice must not close anything else
        assertThat(registry.active().model().isClosed()).isFalse();
    }

    @Test
    void shouldNeverCloseAModelWhileItIsInUseDuringSwaps() throws Exception {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        writeVersion("v2", Instant.parse("2026-02-01T00:00:00Z"), "two");
        ModelRegistry<TextModel> registry = registry(root.toString(), null);
        registry.start();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> users = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            users.add(pool.submit(() -> {
                int uses = 0;
                while (!stop.get()) {
                    try (ModelLease<TextModel> lease = registry.acquire()) {
                        lease.model().use(); // throws if the model was closed under us
                        uses++;
                    }
                }
                return uses;
            }));
        }

        for (int i = 0; i < 40; i++) {
            registry.activate(i % 2 == 0 ? "v1" : "v2");
        }
        stop.set(true);

        for (Future<Integer> user : users) {
            assertThat(user.get(30, TimeUnit.SECONDS)).isPositive();
        }
        pool.shutdown();
        assertThat(loaded).hasSize(41);
        assertThat(loaded.subList(0, 40)).allSatisfy(model -> assertThat(model.isClosed()).isTrue());
    }

    @Test
    void shouldPickUpVersionsWrittenAtRunTime() throws IOException {
        ModelRegistry<TextModel> registry = registry(root.resolve("gan").toString(), null);
        registry.start();
        assertThat(registry.status().state()).isEqualTo(ModelRegistry.State.EMPTY);
        assertThatThrownBy(registry::acquire).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));

        try (ModelStore.StagedVersion staged = registry.stageVersion("2026-05-01T1200")) {
            Files.writeString(staged.dir().resolve("weights.txt"), "trained");
            assertThat(registry.rescan()).as("staged, not published").isEmpty();
            assertThatThrownBy(staged::publish).as("no card yet").isInstanceOf(IllegalStateException.class);
            card("2026-05-01T1200", Instant.now()).write(staged.dir());
            assertThat(registry.rescan()).as("still staged").isEmpty();
            staged.publish();
        }
        registry.rescan();
        registry.reload();

        assertThat(registry.active().model().text()).isEqualTo("trained");
        assertThat(root.resolve("gan/.staging")).isEmptyDirectory();
        assertThatThrownBy(() -> registry.stageVersion("2026-05-01T1200"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThatThrownBy(() -> registry.stageVersion("../escape"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void shouldMakeEveryReplicaOnTheStoreFollowAnActivation() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        writeVersion("v2", Instant.parse("2026-02-01T00:00:00Z"), "two");
        ModelRegistry<TextModel> a = registry(root.toString(), "v1");
        ModelRegistry<TextModel> b = registry(root.toString(), "v1");
        a.start();
        b.start();
        assertThat(b.followRecordedVersion()).as("nothing recorded yet").isFalse();

        a.activate("v2");

        assertThat(b.active().version()).as("not before it polls").isEqualTo("v1");
        assertThat(b.status().recordedVersion()).isEqualTo("v2");
        assertThat(b.followRecordedVersion()).isTrue();
        assertThat(b.active().model().text()).isEqualTo("two");
        assertThat(b.followRecordedVersion()).as("already there").isFalse();
        ModelRegistry<TextModel> restarted = registry(root.toString(), "v1");
        restarted.start();
        assertThat(restarted.active().version()).as("a new replica starts on the recorded version").isEqualTo("v2");
    }

    @Test
    void shouldFollowAVersionPublishedAfterTheReplicaLastScanned() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        ModelRegistry<TextModel> a = registry(root.toString(), null);
        ModelRegistry<TextModel> b = registry(root.toString(), null);
        a.start();
        b.start();
        try (ModelStore.StagedVersion staged = a.stageVersion("v2")) {
            Files.writeString(staged.dir().resolve("weights.txt"), "trained on a");
            card("v2", Instant.now()).write(staged.dir());
            staged.publish();
        }

        a.activate("v2");
        b.followRecordedVersion();

        assertThat(b.active().model().text()).isEqualTo("trained on a");
        assertThat(b.versions()).extracting(ModelCard::version).containsExactly("v1", "v2");
    }

    @Test
    void shouldKeepServingWhenTheRecordedVersionFailsToLoadHere() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        writeVersion("v2", Instant.parse("2026-02-01T00:00:00Z"), "two");
        ModelRegistry<TextModel> b = registry(root.toString(), "v1");
        b.start();
        Files.delete(root.resolve("v2/weights.txt"));
        new ModelStore(root).recordActive("v2", "elsewhere");
        int loads = loaded.size();

        assertThat(b.followRecordedVersion()).isFalse();
        assertThat(b.followRecordedVersion()).isFalse();

        assertThat(b.active().version()).isEqualTo("v1");
        assertThat(loaded).as("tried once, not on every poll").hasSize(loads);
        Health health = new ModelsHealthIndicator(List.of(b)).health();
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) health.getDetails().get("text");
        assertThat(detail).containsEntry("active", "v1").containsEntry("recorded", "v2")
                .containsEntry("inSync", false);
        new ModelStore(root).recordActive("v9", "elsewhere");
        assertThat(b.followRecordedVersion()).as("an unknown version is not served").isFalse();
        assertThat(b.active().version()).isEqualTo("v1");
    }

    @Test
    void shouldRecordAnActivationThatRestoresTheVersionThisReplicaServes() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        writeVersion("v2", Instant.parse("2026-02-01T00:00:00Z"), "two");
        ModelRegistry<TextModel> a = registry(root.toString(), "v1");
        a.start();
        new ModelStore(root).recordActive("v2", "elsewhere");

        a.activate("v1");

        assertThat(new ModelStore(root).recordedActive()).get().extracting(ModelStore.ActiveVersion::version)
                .isEqualTo("v1");
    }

    @Test
    void shouldReloadTheActiveVersionFromDisk() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "before");
        ModelRegistry<TextModel> registry = registry(root.toString(), null);
        registry.start();
        TextModel before = registry.active().model();

        Files.writeString(root.resolve("v1/weights.txt"), "after");
        registry.reload();

        assertThat(registry.active().model().text()).isEqualTo("after");
        assertThat(before.isClosed()).isTrue();
    }

    @Test
    void shouldLoadVersionsFromTheClasspath() throws IOException {
        ModelRegistry<TextModel> registry = registry("classpath:models/demo", null);
        registry.start();

        assertThat(registry.versions()).extracting(ModelCard::version).containsExactly("v1", "v2");
        LoadedModel<TextModel> active = registry.active();
        assertThat(active.version()).isEqualTo("v2");
        assertThat(active.model().text()).isEqualTo("second");
        assertThat(active.directory().resolve("extra/vocab.txt")).hasContent("vocabulary");
        assertThat(registry.activate("v1").model().text()).isEqualTo("first");
        assertThatThrownBy(() -> registry.stageVersion("v3")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

        Path copies = active.directory().getParent();
        registry.close();
        assertThat(copies).as("temporary copies deleted on close").doesNotExist();
    }

    @Test
    void shouldLoadVersionsFromInsideAJar() throws IOException {
        Path jar = root.resolve("models.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "models/jarred/", null);
            entry(out, "models/jarred/r1/", null);
            entry(out, "models/jarred/r1/" + ModelCard.FILE_NAME, card("r1", Instant.now()).toJson());
            entry(out, "models/jarred/r1/weights.txt", "from a jar");
        }
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ModelRegistry<TextModel> registry = new ModelRegistry<>("jarred", "classpath:models/jarred",
                    this::load, null, classLoader);
            registries.add(registry);

            registry.start();

            assertThat(registry.active().model().text()).isEqualTo("from a jar");
            registry.close();
        }
    }

    @Test
    void shouldCloseTheActiveModelOnClose() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        ModelRegistry<TextModel> registry = registry(root.toString(), null);
        registry.start();
        TextModel model = registry.active().model();

        registry.close();
        registry.close();

        assertThat(model.isClosed()).isTrue();
        assertThat(registry.status().state()).isEqualTo(ModelRegistry.State.CLOSED);
        assertThatThrownBy(registry::active).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("shut down"));
    }

    @Test
    void shouldFailStartWhenTheModelCannotBeLoaded() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        Files.delete(root.resolve("v1/weights.txt"));
        ModelRegistry<TextModel> registry = registry(root.toString(), null);

        assertThatThrownBy(registry::start).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("'v1'").hasMessageContaining("weights.txt");
        assertThat(registry.status().state()).isEqualTo(ModelRegistry.State.FAILED);
    }

    @Test
    void shouldReportHealthPerRegistry() throws IOException {
        writeVersion("v1", Instant.parse("2026-01-01T00:00:00Z"), "one");
        ModelRegistry<TextModel> ready = registry(root.toString(), null);
        ready.start();
        ModelRegistry<TextModel> empty = registry(root.resolve("nothing-here").toString(), null);
        empty.start();

        Health up = new ModelsHealthIndicator(List.of(ready)).health();
        Health waiting = new ModelsHealthIndicator(List.of(ready, empty)).health();
        ready.close();
        Health down = new ModelsHealthIndicator(List.of(ready, empty)).health();

        assertThat(up.getStatus()).isEqualTo(Status.UP);
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) up.getDetails().get("text");
        assertThat(detail).containsEntry("active", "v1").containsEntry("versions", List.of("v1"));
        assertThat(waiting.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    }

    private ModelRegistry<TextModel> registry(String location, String defaultVersion) {
        ModelRegistry<TextModel> registry = new ModelRegistry<>(
                location.startsWith("classpath") ? "demo" : "text", location, this::load, defaultVersion);
        registries.add(registry);
        return registry;
    }

    private synchronized TextModel load(Path dir, ModelCard card) throws IOException {
        TextModel model = new TextModel(Files.readString(dir.resolve("weights.txt")).trim());
        loaded.add(model);
        return model;
    }

    private void writeVersion(String version, Instant createdAt, String weights) throws IOException {
        Path dir = Files.createDirectories(root.resolve(version));
        Files.writeString(dir.resolve("weights.txt"), weights);
        card(version, createdAt).write(dir);
    }

    private static ModelCard card(String version, Instant createdAt) {
        return new ModelCard("text", version, createdAt, "test digits", Map.of("epochs", 1),
                Map.of("accuracy", 0.9), Map.of());
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (content != null) {
            OutputStream stream = out;
            stream.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }

    /** A model whose "weights" are a line of text; using it after close fails like a closed native model would. */
    static final class TextModel implements AutoCloseable {
        private final String text;
        private volatile boolean closed;

        TextModel(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        String use() {
            if (closed) {
                throw new IllegalStateException("model used after close");
            }
            return text;
        }

        boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
