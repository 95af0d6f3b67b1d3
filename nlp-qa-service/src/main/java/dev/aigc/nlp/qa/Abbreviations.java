package dev.aigc.nlp.qa;

import dev.aigc.nlp.kb.KnowledgeStore;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Abbreviations the knowledge base spells out: a question may say "NMT" or "LLMs" where the base only writes
 * "neural machine translation" or "large language models". An abbreviation (2–6 capitals, optionally followed by a
 * plural "s") counts as known when the base contains an expansion of it, found two ways:
 *
 * <ol>
 *   <li><b>derived from the base</b>: every run of 2–6 consecutive Latin-script words in a document's text or title
 *       (words separated by spaces or hyphens; any other character ends the run; a run containing an English
 *       stopword is skipped) contributes the string of its words' initials, upper-cased: "gated recurrent unit" →
 *       GRU, "byte-pair encoding" → BPE;</li>
 *   <li><b>fallback table</b> {@code qa/abbreviations.tsv} (classpath) for expansions that initials cannot give,
 *       mainly Chinese ones (NLP → 自然语言处理): an abbreviation in it counts as known only when some document contains
 *       one of its expansions (case-insensitive), so the table never makes the base look larger than it is.</li>
 * </ol>
 *
 * <p>The map is built by one scan of the documents' stored full texts and titles per store version ({@link KnowledgeStore#version()}, so
 * ingesting or deleting a document, through any replica of the service, rebuilds it on the next question). Derived initials can match by chance (for the
 * bundled base "three complete projects" spells TCP); the other checks (relevance, term coverage) still apply.
 */
final class Abbreviations {

    /** An abbreviation as a question writes it: 2–6 capitals, optionally a plural "s". */
    static final Pattern ABBREVIATION = Pattern.compile("([A-Z]{2,6})s?");
    static final int MIN_WORDS = 2;
    static final int MAX_WORDS = 6;
    static final String FALLBACK = "qa/abbreviations.tsv";

    private static final Pattern RUN_SEPARATOR = Pattern.compile("[^A-Za-z\\s-]+");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s-]+");

    private final Map<String, List<String>> fallback;
    private volatile Cache cache;

    Abbreviations() {
        this(readFallback());
    }

    Abbreviations(Map<String, List<String>> fallback) {
        this.fallback = fallback;
    }

    /** The abbreviation {@code surface} stands for, upper-cased without a plural "s", if it is written as one. */
    static Optional<String> abbreviation(String surface) {
        var m = ABBREVIATION.matcher(surface);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** An expansion of {@code surface} found in the base in {@code store}, if it is an abbreviation of one. */
    Optional<String> expansion(KnowledgeStore store, String surface) throws IOException {
        Optional<String> abbreviation = abbreviation(surface);
        if (abbreviation.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(expansions(store).get(abbreviation.get()));
    }

    /** Abbreviation → the first expansion seen in the base, for the store's current version. */
    Map<String, String> expansions(KnowledgeStore store) throws IOException {
        Object version = store.version();
        Cache c = cache;
        if (c != null && c.key().equals(version)) {
            return c.expansions();
        }
        KnowledgeStore.DocumentTexts documents = store.documentTexts();
        Map<String, String> built = build(documents.documents());
        cache = new Cache(documents.version(), built);
        return built;
    }

    private Map<String, String> build(List<KnowledgeStore.DocumentText> documents) {
        Map<String, String> out = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (KnowledgeStore.DocumentText d : documents) {
            for (String value : new String[] {d.text(), d.title()}) {
                if (value != null) {
                    texts.add(value);
                    addInitialisms(value, out);
                }
            }
        }
        for (var e : fallback.entrySet()) {
            if (out.containsKey(e.getKey())) {
                continue;
            }
            for (String expansion : e.getValue()) {
                String needle = expansion.toLowerCase(Locale.ROOT);
                if (texts.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle))) {
                    out.put(e.getKey(), expansion);
                    break;
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Adds the initials of every run of MIN_WORDS..MAX_WORDS consecutive Latin words of {@code text}. */
    static void addInitialisms(String text, Map<String, String> out) {
        for (String run : RUN_SEPARATOR.split(text)) {
            List<String> words = new ArrayList<>();
            for (String w : WORD_SEPARATOR.split(run.strip())) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            for (int i = 0; i < words.size(); i++) {
                StringBuilder initials = new StringBuilder();
                for (int k = 0; k < MAX_WORDS && i + k < words.size(); k++) {
                    String w = words.get(i + k);
                    if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w.toLowerCase(Locale.ROOT))) {
                        break;
                    }
                    initials.append(Character.toUpperCase(w.charAt(0)));
                    if (k + 1 >= MIN_WORDS) {
                        out.putIfAbsent(initials.toString(), String.join(" ", words.subList(i, i + k + 1)));
                    }
                }
            }
        }
    }

    /** Reads the fallback table: {@code ABBREVIATION<TAB>expansion|expansion…}, '#' starts a comment line. */
    static Map<String, List<String>> readFallback() {
        Map<String, List<String>> table = new HashMap<>();
        try (InputStream in = Abbreviations.class.getClassLoader().getResourceAsStream(FALLBACK)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + FALLBACK);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2 || abbreviation(parts[0]).isEmpty()) {
                    throw new IllegalStateException("bad line in " + FALLBACK + ": " + line);
                }
                table.put(parts[0], List.of(parts[1].split("\\|")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    private record Cache(Object key, Map<String, String> expansions) {
    }
}
