package dev.aigc.nlp.generate;

import ai.djl.MalformedModelException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The characters (Unicode code points) a character-level language model knows. Index 0 is the unknown character;
 * the rest are the most frequent code points of the training corpus. Stored as {@code vocab.txt}, one decimal code
 * point per line, so newlines and spaces survive.
 */
public final class CharVocab {

    public static final int UNKNOWN = 0;
    public static final String FILE_NAME = "vocab.txt";

    private final int[] codePoints;
    private final Map<Integer, Integer> index = new HashMap<>();

    private CharVocab(int[] codePoints) {
        this.codePoints = codePoints;
        for (int i = 1; i < codePoints.length; i++) {
            index.put(codePoints[i], i);
        }
    }

    /** Keeps the {@code maxSize - 1} most frequent code points seen at least {@code minCount} times. */
    public static CharVocab build(String corpus, int maxSize, int minCount) {
        Map<Integer, Long> counts = corpus.codePoints().boxed()
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        List<Integer> kept = counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxSize - 1L)
                .map(Map.Entry::getKey)
                .toList();
        int[] cps = new int[kept.size() + 1];
        cps[0] = 0xFFFD;
        for (int i = 0; i < kept.size(); i++) {
            cps[i + 1] = kept.get(i);
        }
        return new CharVocab(cps);
    }

    public static CharVocab read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int[] cps = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> Integer.parseInt(l.trim())).toArray();
        return new CharVocab(cps);
    }

    /** Reads {@code vocab.txt} of a version directory, checking it has the size its model card gives. */
    public static CharVocab readVersion(Path dir, int vocabSize) throws IOException, MalformedModelException {
        CharVocab vocab = read(dir.resolve(FILE_NAME));
        if (vocab.size() != vocabSize) {
            throw new MalformedModelException(FILE_NAME + " has " + vocab.size() + " entries, card says " + vocabSize);
        }
        return vocab;
    }

    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>(codePoints.length);
        for (int cp : codePoints) {
            lines.add(Integer.toString(cp));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public int size() {
        return codePoints.length;
    }

    public int id(int codePoint) {
        return index.getOrDefault(codePoint, UNKNOWN);
    }

    public int[] encode(String text) {
        return text.codePoints().map(this::id).toArray();
    }

    /** The text of one id; the unknown id decodes to U+FFFD. */
    public String decode(int id) {
        return new String(Character.toChars(codePoints[id]));
    }

    /** Share of the text's characters the vocabulary covers. */
    public double coverage(String text) {
        long total = text.codePoints().count();
        long known = text.codePoints().filter(cp -> index.containsKey(cp)).count();
        return total == 0 ? 1.0 : (double) known / total;
    }
}
