package dev.aigc.serving.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a model version is and how well it does: stored as {@code model-card.json} in each version directory.
 *
 * @param name      the model's name (e.g. {@code mnist}, {@code cdcgan})
 * @param version   the version, also the directory name
 * @param createdAt when training finished
 * @param dataset   the data set it was trained and evaluated on
 * @param training  training settings (epochs, batch size, optimiser, learning rate schedule, duration, …)
 * @param metrics   numbers measured on held-out data
 * @param details   anything else worth knowing (architecture, parameter count, file names, ensemble members, …)
 */
public record ModelCard(String name, String version, Instant createdAt, String dataset,
                        Map<String, Object> training, Map<String, Object> metrics, Map<String, Object> details) {

    /** The file name of a model card inside a version directory. */
    public static final String FILE_NAME = "model-card.json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ModelCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        training = training == null ? Map.of() : copy(training);
        metrics = metrics == null ? Map.of() : copy(metrics);
        details = details == null ? Map.of() : copy(details);
    }

    /** Reads a card from a JSON file, or from {@code dir/model-card.json} when given a directory. */
    public static ModelCard read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        try {
            return MAPPER.readValue(file.toFile(), ModelCard.class);
        } catch (JacksonException e) {
            throw new IOException("Cannot read model card " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the card as JSON to a file, or to {@code dir/model-card.json} when given a directory. */
    public void write(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.writeString(file, toJson());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** This card as indented JSON. */
    public String toJson() {
        return MAPPER.writeValueAsString(this);
    }

    /** A copy with {@code extra} merged into the metrics (later values win). */
    public ModelCard withMetrics(Map<String, Object> extra) {
        Map<String, Object> merged = new LinkedHashMap<>(metrics);
        merged.putAll(extra);
        return new ModelCard(name, version, createdAt, dataset, training, merged, details);
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
