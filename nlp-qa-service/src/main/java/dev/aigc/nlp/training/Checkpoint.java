package dev.aigc.nlp.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.CharVocab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-epoch checkpoint of a training run: the weights, the vocab and a {@code history.tsv} of losses. A run
 * resumes from it when the vocab is identical (same corpus and settings); otherwise it starts fresh.
 */
final class Checkpoint {

    private final Path dir;

    Checkpoint(Path dir) {
        this.dir = dir;
    }

    /** Wall-clock seconds the restored epochs took (last history row's 4th column; 0 when absent). */
    private long priorSeconds;

    long priorSeconds() {
        return priorSeconds;
    }

    int restore(Model model, CharVocab vocab, List<Double> trainLosses, List<Double> valLosses)
            throws IOException, MalformedModelException {
        Path history = dir.resolve("history.tsv");
        Path savedVocab = dir.resolve(CharVocab.FILE_NAME);
        if (!Files.exists(history) || !Files.exists(savedVocab)) {
            return 0;
        }
        Path tmp = Files.createTempFile("vocab", ".txt");
        try {
            vocab.write(tmp);
            if (!Files.readString(tmp).equals(Files.readString(savedVocab))) {
                System.out.println("checkpoint in " + dir + " was made with another vocabulary: starting fresh");
                return 0;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        model.load(dir, CharLanguageModel.NAME);
        for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            trainLosses.add(Double.parseDouble(f[1]));
            valLosses.add(Double.parseDouble(f[2]));
            priorSeconds = f.length > 3 ? Long.parseLong(f[3]) : priorSeconds;
        }
        System.out.println("resuming from " + dir + " after epoch " + trainLosses.size());
        return trainLosses.size();
    }

    /**
     * Writes the weights and {@code vocab.txt} into {@code dir} (created if needed), replacing any earlier
     * {@code .params} file there; returns the names of the {@code .params} files written. Checkpoints and the
     * trainers' version directories use the same layout.
     */
    static List<String> writeWeights(Path dir, Model model, CharVocab vocab) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".params")).toList()) {
                Files.delete(p);
            }
        }
        model.save(dir, CharLanguageModel.NAME);
        vocab.write(dir.resolve(CharVocab.FILE_NAME));
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".params")).sorted().toList();
        }
    }

    void save(Model model, CharVocab vocab, List<Double> trainLosses, List<Double> valLosses, long seconds)
            throws IOException {
        model.setProperty("epoch", Integer.toString(trainLosses.size()));
        writeWeights(dir, model, vocab);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < trainLosses.size(); i++) {
            lines.add((i + 1) + "\t" + trainLosses.get(i) + "\t" + valLosses.get(i));
        }
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\t" + seconds);
        Files.write(dir.resolve("history.tsv"), lines, StandardCharsets.UTF_8);
    }
}
