package dev.aigc.nlp.qa;

import dev.aigc.nlp.kb.Languages;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Dictionary translation of a question's salient words into the other language of the knowledge base, for the
 * cross-lingual BM25 list ({@link HybridRetriever}), the term check across languages ({@link TermCoverage}) and the
 * answer sentences' word overlap ({@link AnswerComposer}).
 *
 * <p>Two tables: the project's own machine-learning glossary ({@code qa/glossary-zh-en.tsv}, consulted first) and a
 * filtered CC-CEDICT ({@code qa/cedict-zh-en.tsv.gz}, CC BY-SA 4.0, built by {@code scripts/build-cedict-table.sh}).
 * A Chinese question is cut into dictionary words by forward maximum matching over its Han runs; each word that is
 * not a question or function word gets its English glosses (all glossary glosses, the first three of CC-CEDICT). An
 * English question is cut into runs of non-stopwords, matched longest first (up to four words, a plural "s" also
 * tried without it) against the reversed tables; a phrase gets the Chinese words that gloss it, glossary words first,
 * then CC-CEDICT words by the position of the gloss in their entry, at most {@value #MAX_CHINESE}, keeping only words
 * the caller says the base contains.
 */
public final class Bilingual {

    static final int MAX_HAN_WORD = 8;
    static final int MAX_PHRASE_WORDS = 4;
    static final int MAX_CHINESE = 3;
    static final int CEDICT_GLOSSES = 3;

    private static final Set<String> ENGLISH_STOP = englishStopwords();
    private static final Set<String> CHINESE_STOP = new HashSet<>(QuestionTerms.CHINESE_STOPWORDS);

    private final Map<String, List<String>> zhToEn;
    private final Map<String, List<Candidate>> enToZh;
    private final int glossaryEntries;

    private Bilingual(Map<String, List<String>> zhToEn, Map<String, List<Candidate>> enToZh, int glossaryEntries) {
        this.zhToEn = zhToEn;
        this.enToZh = enToZh;
        this.glossaryEntries = glossaryEntries;
    }

    /**
     * A token that changes whenever the Chinese → English table changes (a hash of every entry with its glosses, so
     * the same on every JVM): the English views glossed with this dictionary are stale when it differs.
     */
    public String version() {
        return Integer.toHexString(zhToEn.hashCode()) + "-" + zhToEn.size();
    }

    /** The documents' own terms, consulted after the project glossary when translating a question. */
    public static final String DOCUMENT_GLOSSARY = "qa/glossary-documents-zh-en.tsv";

    /** Loads the two tables from the classpath: the dictionary that glosses the chunks' English views. */
    public static Bilingual load() {
        return load(false);
    }

    /**
     * The dictionary that translates questions: the two tables plus the documents' own terms
     * ({@value #DOCUMENT_GLOSSARY}, consulted after the project glossary and before CC-CEDICT). The chunks' English
     * views keep the dictionary of {@link #load()}: richer glosses of the Chinese pages made them outscore English
     * pages for English questions (3 of 240 monolingual tuning questions lost), while richer question translations lost
     * none and reached 9 more of 313 cross-lingual ones (docs/nlp-qa.md, seventh step).
     */
    public static Bilingual loadForQuestions() {
        return load(true);
    }

    private static Bilingual load(boolean documentTerms) {
        Map<String, List<String>> zhToEn = new HashMap<>();
        Map<String, List<Candidate>> enToZh = new HashMap<>();
        int glossary = read("qa/glossary-zh-en.tsv", false, zhToEn, enToZh, true);
        if (documentTerms) {
            glossary += read(DOCUMENT_GLOSSARY, false, zhToEn, enToZh, true);
        }
        read("qa/cedict-zh-en.tsv.gz", true, zhToEn, enToZh, false);
        enToZh.values().forEach(l -> l.sort(null));
        return new Bilingual(zhToEn, enToZh, glossary);
    }

    private static int read(String resource, boolean gzip, Map<String, List<String>> zhToEn,
                            Map<String, List<Candidate>> enToZh, boolean glossary) {
        int n = 0;
        try (InputStream raw = Bilingual.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String zh = f[0].strip();
                List<String> glosses = List.of(f[1].strip().toLowerCase(Locale.ROOT).split("\\|"));
                if (!glossary) {
                    glosses = glosses.subList(0, Math.min(CEDICT_GLOSSES, glosses.size()));
                }
                if (zhToEn.containsKey(zh)) {
                    continue;
                }
                zhToEn.put(zh, glosses);
                for (int i = 0; i < glosses.size(); i++) {
                    enToZh.computeIfAbsent(normalise(glosses.get(i)), k -> new ArrayList<>())
                            .add(new Candidate(zh, glossary ? 0 : 1 + i));
                }
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /**
     * The question's words with their translations into the other language; {@code knownChinese} filters the
     * Chinese candidates of an English question (e.g. to words the knowledge base contains).
     */
    public List<Unit> translate(String question, Predicate<String> knownChinese) {
        return Languages.ZH.equals(Languages.detect(question)) ? fromChinese(question) : fromEnglish(question,
                knownChinese);
    }

    private List<Unit> fromChinese(String question) {
        List<Unit> units = new ArrayList<>();
        int[] cps = question.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (!QuestionTerms.isHan(cps[i])) {
                i++;
                continue;
            }
            String word = dictionaryWordAt(cps, i);
            int end = i + (word == null ? 1 : word.codePointCount(0, word.length()));
            if (word != null && !CHINESE_STOP.contains(word)) {
                units.add(new Unit(word, List.of(word), zhToEn.get(word)));
            }
            i = end;
        }
        return units;
    }

    /**
     * The longest dictionary word (at most {@value #MAX_HAN_WORD} Han characters) that starts at code point
     * {@code i}, or null: forward maximum matching, one step.
     */
    private String dictionaryWordAt(int[] cps, int i) {
        for (int len = Math.min(MAX_HAN_WORD, cps.length - i); len >= 1; len--) {
            if (allHan(cps, i, len)) {
                String candidate = new String(cps, i, len);
                if (zhToEn.containsKey(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private List<Unit> fromEnglish(String question, Predicate<String> knownChinese) {
        List<Unit> units = new ArrayList<>();
        for (List<String> run : contentRuns(question)) {
            int i = 0;
            while (i < run.size()) {
                Unit unit = null;
                for (int len = Math.min(MAX_PHRASE_WORDS, run.size() - i); len >= 1 && unit == null; len--) {
                    List<String> words = run.subList(i, i + len);
                    List<String> zh = lookup(String.join(" ", words), knownChinese);
                    if (!zh.isEmpty()) {
                        unit = new Unit(String.join(" ", words), List.copyOf(words), zh);
                        i += len;
                    }
                }
                if (unit == null) {
                    i++;
                } else {
                    units.add(unit);
                }
            }
        }
        return units;
    }

    private List<String> lookup(String phrase, Predicate<String> knownChinese) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : new LinkedHashSet<>(List.of(phrase, singular(phrase)))) {
            for (Candidate c : enToZh.getOrDefault(key, List.of())) {
                if (out.size() < MAX_CHINESE && knownChinese.test(c.zh())) {
                    out.add(c.zh());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * An English rendering of Chinese text for the knowledge base's English view ({@code view_en}): each dictionary
     * word of its Han runs (forward maximum matching, question and function words dropped) replaced by its
     * glosses (all glossary glosses, the first {@value #CEDICT_GLOSSES} of CC-CEDICT), everything outside Han runs
     * (Latin words, numbers) kept as written. A Han character that starts no dictionary word is dropped.
     */
    public String gloss(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        int[] cps = text.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (!QuestionTerms.isHan(cps[i])) {
                out.appendCodePoint(cps[i++]);
                continue;
            }
            String word = dictionaryWordAt(cps, i);
            int end = i + (word == null ? 1 : word.codePointCount(0, word.length()));
            out.append(' ');
            if (word != null && !CHINESE_STOP.contains(word)) {
                for (String g : zhToEn.get(word)) {
                    out.append(g).append(" ; ");
                }
            }
            i = end;
        }
        return out.toString();
    }

    /** Runs of lower-cased words between stopwords and punctuation; hyphens split words. */
    static List<List<String>> contentRuns(String question) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String token : question.toLowerCase(Locale.ROOT).split("(?=[^a-z0-9'])|(?<=[^a-z0-9'])")) {
            String w = token.strip();
            if (w.isEmpty() || w.equals("-")) {
                continue;
            }
            boolean word = w.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '\'');
            if (!word || ENGLISH_STOP.contains(w) || w.endsWith("'s") && ENGLISH_STOP.contains(w.substring(0, w.length() - 2))) {
                if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                continue;
            }
            run.add(w.endsWith("'s") ? w.substring(0, w.length() - 2) : w);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static String singular(String phrase) {
        if (phrase.endsWith("ies") && phrase.length() > 4) {
            return phrase.substring(0, phrase.length() - 3) + "y";
        }
        if (phrase.endsWith("sses") || phrase.endsWith("ches") || phrase.endsWith("shes") || phrase.endsWith("xes")) {
            return phrase.substring(0, phrase.length() - 2);
        }
        return phrase.endsWith("s") && !phrase.endsWith("ss") ? phrase.substring(0, phrase.length() - 1) : phrase;
    }

    private static String normalise(String gloss) {
        return gloss.replace('-', ' ').replaceAll("\\s+", " ").strip();
    }

    private static boolean allHan(int[] cps, int from, int len) {
        for (int j = from; j < from + len; j++) {
            if (!QuestionTerms.isHan(cps[j])) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> englishStopwords() {
        Set<String> stop = new HashSet<>(QuestionTerms.ENGLISH_STOPWORDS);
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(o -> stop.add(new String((char[]) o)));
        return stop;
    }

    /** Entries of the two tables (glossary, all). */
    public int[] size() {
        return new int[] {glossaryEntries, zhToEn.size()};
    }

    /**
     * A word or phrase of the question ({@code source}; {@code words}: its English words, or the Chinese word
     * itself) and its translations into the other language.
     */
    public record Unit(String source, List<String> words, List<String> translations) {

        /** Whether the question's salient term (as analysed and as written) belongs to this unit. */
        boolean contains(String text, String surface) {
            if (QuestionTerms.isHan(source.codePointAt(0))) {
                return source.contains(text) || text.contains(source);
            }
            String s = surface.toLowerCase(Locale.ROOT);
            return words.contains(s) || words.contains(singular(s)) || words.stream().anyMatch(w -> w.startsWith(text));
        }
    }

    private record Candidate(String zh, int rank) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : Integer.compare(o.zh.length(), zh.length());
        }
    }
}
