package dev.aigc.serving.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Versions are the subdirectories of a root directory that hold a {@code model-card.json}. */
final class DirectoryModelSource implements ModelSource {

    private static final Logger log = LoggerFactory.getLogger(DirectoryModelSource.class);

    private final Path root;

    DirectoryModelSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Map<String, ModelCard> scan() throws IOException {
        Map<String, ModelCard> cards = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            log.warn("Model directory {} does not exist (yet)", root);
            return cards;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children.filter(Files::isDirectory).toList()) {
                String version = dir.getFileName().toString();
                Path card = dir.resolve(ModelCard.FILE_NAME);
                if (!VERSION.matcher(version).matches() || !Files.isRegularFile(card)) {
                    continue;
                }
                try {
                    cards.put(version, ModelCard.read(card));
                } catch (IOException e) {
                    log.warn("Skipping version {}: {}", dir, e.getMessage());
                }
            }
        }
        return cards;
    }

    @Override
    public Path materialize(String version) {
        return root.resolve(version);
    }

    @Override
    public Optional<Path> writableRoot() {
        return Optional.of(root);
    }

    @Override
    public void close() {
        // nothing temporary
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
