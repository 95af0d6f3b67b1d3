package dev.aigc.nlp.generate;

import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A model directory with two versions of the shipped character LM for activation tests: {@code v1} (the shipped
 * files) and {@code v2} (the same weights and vocabulary under a second card), under target/test-models/ (deleted
 * when the test JVM exits).
 */
final class CharLmVersions {

    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(CharLmVersions::deleteTree)));
    }

    static final String SHIPPED = "v1";
    static final String SECOND = "v2";

    private CharLmVersions() {
    }

    /** A started registry over a fresh two-version directory, serving {@link #SHIPPED}. */
    static ModelRegistry<LanguageModel> startedRegistry() throws IOException {
        ModelRegistry<LanguageModel> registry = new ModelRegistry<>(CharLanguageModel.NAME,
                twoVersions().toString(), LanguageModel::load, SHIPPED);
        registry.start();
        return registry;
    }

    static Path twoVersions() throws IOException {
        Path shipped = Path.of("src/main/resources/models/charlm", SHIPPED);
        Path root = Files.createDirectories(Path.of("target/test-models", UUID.randomUUID().toString()));
        CREATED.add(root);
        copy(shipped, root.resolve(SHIPPED));
        Path second = root.resolve(SECOND);
        copy(shipped, second);
        ModelCard card = ModelCard.read(shipped);
        new ModelCard(card.name(), SECOND, card.createdAt().plusSeconds(60), card.dataset(), card.training(),
                card.metrics(), card.details()).write(second);
        return root;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: it lives under target/
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
