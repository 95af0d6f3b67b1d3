package dev.aigc.nlp.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the Chinese training corpus of the character language model from Debian's {@code fortunes-zh} package
 * (Tang and Song poems plus a collection of Chinese sayings; GPL-3.0+) and the Chinese knowledge-base documents.
 *
 * <p>Usage: {@code CorpusPreparer <fortunes dir> <kb dir> <output file>}. ANSI colour codes, box-drawing tables and
 * mostly non-Chinese entries are dropped; entries are separated by a blank line.
 */
public final class CorpusPreparer {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final List<String> FORTUNE_FILES = List.of("tang300", "song100", "chinese");

    private CorpusPreparer() {
    }

    public static void main(String[] args) throws IOException {
        Path fortunes = Path.of(args.length > 0 ? args[0] : "/usr/share/games/fortunes");
        Path kb = Path.of(args.length > 1 ? args[1] : "nlp-qa-service/src/main/resources/kb");
        Path out = Path.of(args.length > 2 ? args[2] : "nlp-qa-service/corpus/zh-charlm.txt");
        List<String> entries = new ArrayList<>();
        for (String name : FORTUNE_FILES) {
            String text = Files.readString(fortunes.resolve(name), StandardCharsets.UTF_8);
            for (String entry : text.split("\n%\n")) {
                String clean = clean(entry);
                if (!clean.isEmpty() && chineseShare(clean) >= 0.5) {
                    entries.add(clean);
                }
            }
        }
        int fortuneEntries = entries.size();
        try (Stream<Path> files = Files.list(kb)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("zh-")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                entries.add(text.substring(text.indexOf("\n---\n") + 5).trim());
            }
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        String corpus = String.join("\n\n", entries) + "\n";
        Files.writeString(out, corpus, StandardCharsets.UTF_8);
        System.out.printf("wrote %s: %d fortune entries + %d knowledge-base documents, %d characters%n", out,
                fortuneEntries, entries.size() - fortuneEntries, corpus.codePointCount(0, corpus.length()));
    }

    static String clean(String entry) {
        StringBuilder sb = new StringBuilder();
        for (String line : ANSI.matcher(entry).replaceAll("").split("\n")) {
            boolean table = line.codePoints().anyMatch(cp -> cp >= 0x2500 && cp <= 0x257F);
            String trimmed = line.strip();
            if (!table && !trimmed.isEmpty() && !trimmed.equals("%")) {
                sb.append(trimmed).append('\n');
            }
        }
        return sb.toString().strip();
    }

    static double chineseShare(String text) {
        long all = text.codePoints().filter(cp -> !Character.isWhitespace(cp)).count();
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        return all == 0 ? 0 : (double) han / all;
    }
}
