package dev.aigc.nlp.training;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Builds the modern-prose corpus of the Transformer language model from documentation packages unpacked under one
 * root (see {@code nlp-qa-service/scripts/build-lm-corpus.sh}, which downloads and unpacks them) and the
 * knowledge-base pages.
 *
 * <p>Each source line of {@code corpus/lm-sources.tsv} names a package, its version and licence, the language
 * kept and a glob of its HTML files. From every HTML file the text of the innermost block elements (paragraphs,
 * list items, table cells, headings) is kept; {@code pre}, {@code script}, {@code style} and navigation are dropped.
 * Paragraphs are normalised (NFC, full-width letters and digits to ASCII, whitespace collapsed), filtered by
 * language (Chinese: at least 30% Han characters; English: no Han character) and length, and deduplicated across
 * the whole corpus (manuals repeat boilerplate). Consecutive paragraphs of one file form documents of at most
 * {@value #DOCUMENT_CHARS} characters; a document goes to test or validation (5% each) or train by the CRC32 of its
 * name, so the split is by document and stable when sources are added. English is capped at
 * {@code --english-share} of the corpus. The knowledge-base pages always go to train.
 *
 * <p>Usage: {@code ModernCorpusBuilder --sources=TSV --root=DIR --kb=DIR --out=DIR [--english-share=0.1]}.
 * Writes {@code train.txt}, {@code validation.txt}, {@code test.txt} (documents separated by a blank line) and
 * {@code manifest.tsv} (per source: files, paragraphs and characters per split).
 */
public final class ModernCorpusBuilder {

    static final int DOCUMENT_CHARS = 20_000;
    private static final String BLOCKS = "p, li, dd, dt, td, th, caption, figcaption, blockquote, h1, h2, h3, h4, h5, h6";

    private final Set<String> seen = new HashSet<>();
    private final Map<String, StringBuilder> splits = new LinkedHashMap<>();

    private ModernCorpusBuilder() {
        for (String s : List.of("train", "validation", "test")) {
            splits.put(s, new StringBuilder());
        }
    }

    /** One line of the sources table. */
    record Source(String name, String pkg, String version, String licence, String lang, String glob) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Arguments.parse(args);
        Path out = Path.of(a.getOrDefault("out", "data/lm/corpus"));
        new ModernCorpusBuilder().build(Path.of(a.getOrDefault("sources", "nlp-qa-service/corpus/lm-sources.tsv")),
                Path.of(a.getOrDefault("root", "data/lm/x")),
                Path.of(a.getOrDefault("kb", "nlp-qa-service/src/main/resources/kb")), out,
                Double.parseDouble(a.getOrDefault("english-share", "0.1")));
    }

    void build(Path sourcesFile, Path root, Path kb, Path out, double englishShare) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (String line : Files.readAllLines(sourcesFile, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            sources.add(new Source(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        List<String> manifest = new ArrayList<>();
        manifest.add("source\tpackage\tversion\tlicence\tlang\tfiles\tparagraphs\ttrain_chars\tvalidation_chars\ttest_chars");
        long chinese = 0;
        for (Source s : sources.stream().filter(s -> s.lang().equals("zh")).toList()) {
            long[] counts = addSource(s, root, Long.MAX_VALUE);
            chinese += counts[2] + counts[3] + counts[4];
            manifest.add(row(s, counts));
        }
        long englishBudget = (long) (chinese * englishShare / (1 - englishShare));
        for (Source s : sources.stream().filter(s -> s.lang().equals("en")).toList()) {
            long[] counts = addSource(s, root, englishBudget);
            englishBudget -= counts[2] + counts[3] + counts[4];
            manifest.add(row(s, counts));
        }
        long[] kbCounts = addKnowledgeBase(kb);
        manifest.add(String.join("\t", "knowledge-base", "(this repository)", "-", "this project's licence", "zh+en",
                Long.toString(kbCounts[0]), Long.toString(kbCounts[1]), Long.toString(kbCounts[2]), "0", "0"));
        Files.createDirectories(out);
        for (var e : splits.entrySet()) {
            Files.writeString(out.resolve(e.getKey() + ".txt"), e.getValue(), StandardCharsets.UTF_8);
            System.out.printf("%-10s %,d characters%n", e.getKey(), e.getValue().codePointCount(0, e.getValue().length()));
        }
        Files.write(out.resolve("manifest.tsv"), manifest, StandardCharsets.UTF_8);
        manifest.forEach(System.out::println);
    }

    private static String row(Source s, long[] c) {
        return String.join("\t", s.name(), s.pkg(), s.version(), s.licence(), s.lang(), Long.toString(c[0]),
                Long.toString(c[1]), Long.toString(c[2]), Long.toString(c[3]), Long.toString(c[4]));
    }

    /** Returns files, paragraphs, train, validation and test characters added. */
    private long[] addSource(Source s, Path root, long budget) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + s.glob());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> matcher.matches(root.relativize(p))).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("source " + s.name() + ": no file under " + root + " matches " + s.glob());
        }
        long[] counts = new long[5];
        counts[0] = files.size();
        for (Path file : files) {
            if (counts[2] + counts[3] + counts[4] >= budget) {
                break;
            }
            List<String> paragraphs = new ArrayList<>();
            for (String p : paragraphs(file)) {
                if (keep(p, s.lang()) && seen.add(p)) {
                    paragraphs.add(p);
                }
            }
            counts[1] += paragraphs.size();
            addDocuments(s.name() + "/" + root.relativize(file), paragraphs, counts);
        }
        return counts;
    }

    private void addDocuments(String name, List<String> paragraphs, long[] counts) {
        StringBuilder doc = new StringBuilder();
        int index = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            doc.append(paragraphs.get(i)).append('\n');
            if (doc.length() >= DOCUMENT_CHARS || i == paragraphs.size() - 1) {
                String split = splitOf(name + "#" + index++);
                splits.get(split).append(doc).append('\n');
                counts[switch (split) { case "train" -> 2; case "validation" -> 3; default -> 4; }]
                        += doc.codePointCount(0, doc.length());
                doc.setLength(0);
            }
        }
    }

    static String splitOf(String documentName) {
        CRC32 crc = new CRC32();
        crc.update(documentName.getBytes(StandardCharsets.UTF_8));
        long bucket = crc.getValue() % 20;
        return bucket == 0 ? "test" : bucket == 1 ? "validation" : "train";
    }

    private long[] addKnowledgeBase(Path kb) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(kb)) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        long[] counts = new long[3];
        counts[0] = files.size();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (text.startsWith("---")) {
                text = text.substring(text.indexOf("\n---", 3) + 4);
            }
            StringBuilder doc = new StringBuilder();
            for (String line : text.split("\n")) {
                String p = normalise(line.replaceAll("^\\s*(#+|[-*]|\\d+\\.)\\s*", "").replace("**", "").replace("`", ""));
                if (p.length() >= 4 && seen.add(p)) {
                    doc.append(p).append('\n');
                    counts[1]++;
                }
            }
            splits.get("train").append(doc).append('\n');
            counts[2] += doc.codePointCount(0, doc.length());
        }
        return counts;
    }

    /** Paragraphs of one file: HTML, Mallard help pages ({@code .page}) or gzipped manual pages ({@code .gz}). */
    static List<String> paragraphs(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                return manPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (name.endsWith(".mo")) {
            return catalogue(Files.readAllBytes(file));
        }
        if (name.endsWith(".xpi")) {
            return languagePack(file);
        }
        if (name.endsWith(".page")) {
            Document xml = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "",
                    org.jsoup.parser.Parser.xmlParser());
            List<String> out = new ArrayList<>();
            xml.select("code, cmd, screen, info").remove();
            for (Element e : xml.select("title, desc, p")) {
                String p = normalise(e.text());
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
            return out;
        }
        return paragraphs(Jsoup.parse(file.toFile(), null));
    }

    /**
     * The translated messages of a GNU gettext catalogue ({@link #catalogueEntries}), each plural form on its own,
     * with placeholders and menu accelerators dropped ({@link #cleanMessage}).
     */
    static List<String> catalogue(byte[] mo) {
        List<String> out = new ArrayList<>();
        for (String[] entry : catalogueEntries(mo)) {
            for (String part : entry[1].split("[\\u0000\\n]")) {
                String p = cleanMessage(part);
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * The entries of a GNU gettext catalogue ({@code .mo}: a header with the message count and the offsets of the
     * original and translation tables, whose entries are length/offset pairs), as {@code {original, translation}};
     * plural forms stay NUL-separated.
     */
    static List<String[]> catalogueEntries(byte[] mo) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(mo).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt(0) != 0x950412de) {
            buf.order(java.nio.ByteOrder.BIG_ENDIAN);
        }
        int count = buf.getInt(8);
        int originals = buf.getInt(12);
        int translations = buf.getInt(16);
        List<String[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new String[] {entryAt(mo, buf, originals, i), entryAt(mo, buf, translations, i)});
        }
        return out;
    }

    private static String entryAt(byte[] mo, java.nio.ByteBuffer buf, int table, int i) {
        return new String(mo, buf.getInt(table + 8 * i + 4), buf.getInt(table + 8 * i), StandardCharsets.UTF_8);
    }

    /** One message without placeholders ({@code %s}, {@code %1$d}) and menu accelerators ({@code _}, {@code &}), normalised. */
    static String cleanMessage(String message) {
        return normalise(message.replaceAll("%(\\d+\\$)?[-+ #0]*\\d*(\\.\\d+)?[hlLqjzt]*[sdiouxXeEfgGcp%]", "")
                .replaceAll("\\(_[A-Za-z]\\)|_(?=\\p{L})|&(?=\\p{L})", ""));
    }

    /** The message values of a Mozilla language pack ({@code .xpi}, a zip of Fluent {@code .ftl} files). */
    static List<String> languagePack(Path xpi) throws IOException {
        List<String> out = new ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(xpi.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().endsWith(".ftl")) {
                    continue;
                }
                String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.split("\\n")) {
                    int eq = line.indexOf('=');
                    if (line.startsWith("#") || eq < 0) {
                        continue;
                    }
                    String p = normalise(line.substring(eq + 1).replaceAll("\\{[^}]*}", "").replaceAll("<[^>]*>", ""));
                    if (!p.isEmpty()) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Paragraphs of a roff manual page: text lines joined until the next paragraph or section macro; the text
     * argument of font macros ({@code .B}, {@code .I}, {@code .BR} ...) is kept, other requests and escapes dropped.
     */
    static List<String> manPage(String roff) {
        List<String> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String raw : roff.split("\n")) {
            String line = raw;
            if (line.startsWith(".") || line.startsWith("'")) {
                String macro = line.split("\\s+", 2)[0];
                if (macro.matches("[.'](B|I|BR|RB|BI|IB|IR|RI|SM|SB)")) {
                    line = line.contains(" ") ? line.substring(line.indexOf(' ') + 1).replace("\"", "") : "";
                } else {
                    flush(para, out);
                    continue;
                }
            }
            line = line.replaceAll("\\\\\".*$", "").replaceAll("\\\\f(\\[[^]]*]|\\(..|.)", "").replace("\\-", "-").replace("\\e", "\\").replace("\\\\", "\\")
                    .replaceAll("\\\\\\(..", "").replaceAll("\\\\[&|^ ]", "");
            if (line.isBlank()) {
                flush(para, out);
                continue;
            }
            boolean join = para.length() > 0 && !isHan(para.codePointBefore(para.length()))
                    && !isHan(line.codePointAt(0));
            para.append(join ? " " : "").append(line.trim());
        }
        flush(para, out);
        return out;
    }

    private static void flush(StringBuilder para, List<String> out) {
        String p = normalise(para.toString());
        if (!p.isEmpty()) {
            out.add(p);
        }
        para.setLength(0);
    }

    /** The normalised text of the innermost block elements, in document order. */
    static List<String> paragraphs(Document html) {
        html.select("pre, script, style, nav, .navheader, .navfooter, .toc, .breadcrumb, header, footer").remove();
        List<String> out = new ArrayList<>();
        for (Element e : html.body() == null ? List.<Element>of() : html.body().select(BLOCKS)) {
            if (e.select(BLOCKS).size() == 1) {
                String p = normalise(e.text());
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) {
                cp -= 0xFEE0;
            } else if (cp == 0x3000 || cp == 0xA0 || Character.isWhitespace(cp)) {
                cp = ' ';
            } else if (cp == 0x200B || cp == 0xFEFF || Character.getType(cp) == Character.CONTROL) {
                return;
            }
            sb.appendCodePoint(cp);
        });
        return sb.toString().replaceAll(" {2,}", " ").trim();
    }

    static boolean keep(String p, String lang) {
        int len = p.codePointCount(0, p.length());
        long han = p.codePoints().filter(ModernCorpusBuilder::isHan).count();
        long visible = p.codePoints().filter(cp -> cp != ' ').count();
        if (lang.equals("zh")) {
            return len >= 10 && han >= 0.3 * visible;
        }
        long letters = p.codePoints().filter(Character::isLetter).count();
        return len >= 40 && han == 0 && letters >= 0.6 * visible;
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
