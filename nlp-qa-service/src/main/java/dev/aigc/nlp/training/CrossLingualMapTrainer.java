package dev.aigc.nlp.training;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.serving.training.ProgressBar;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fits {@link CrossLingualMap} (bge-small-zh space → bge-small-en space) by ridge regression on English/Chinese pairs:
 * the messages of the Debian packages' gettext catalogues (msgid → zh_CN msgstr, unpacked by
 * {@code scripts/train-crosslingual-map.sh} from the rows {@code gettext-…} of {@code corpus/lm-sources.tsv}), the
 * project's two glossaries and a sample of CC-CEDICT headwords; with {@code --handbook=true} also the paragraphs of
 * the Debian Administrator's Handbook in both languages ({@link #handbookPairs}; measured, not shipped: it did not
 * change the QA figures, docs/nlp-qa.md).
 * Pairs are split by a hash of the English text into train and validation (5%); the ridge penalty is chosen on the
 * validation pairs by translation retrieval (mapped Chinese vector → its English vector among all validation pairs),
 * reported next to the unmapped baseline (bge-small-zh embedding both sides). Embeddings are cached under
 * {@code --cache} so a rerun only refits.
 *
 * <pre>{@code java ... CrossLingualMapTrainer --root=data/lm/x --out=nlp-qa-service/eval/zh-en-map.bin.gz
 *   [--sources=nlp-qa-service/corpus/lm-sources.tsv] [--max-pairs=30000] [--dictionary-pairs=4000] [--cache=data/xmap]
 *   [--handbook=false]}</pre>
 */
public final class CrossLingualMapTrainer {

    private static final double[] PENALTIES = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1};

    private CrossLingualMapTrainer() {
    }

    record Pair(String en, String zh) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Arguments.parse(args);
        Path root = Path.of(a.getOrDefault("root", "data/lm/x"));
        Path out = Path.of(a.getOrDefault("out", CrossLingualMap.FILE));
        Path cache = Path.of(a.getOrDefault("cache", "data/xmap"));
        int maxPairs = Integer.parseInt(a.getOrDefault("max-pairs", "30000"));
        int dictionaryPairs = Integer.parseInt(a.getOrDefault("dictionary-pairs", "4000"));

        Path sources = Path.of(a.getOrDefault("sources", "nlp-qa-service/corpus/lm-sources.tsv"));
        List<Pair> pairs = new ArrayList<>(cataloguePairs(root, cataloguePackages(sources)));
        int fromCatalogues = pairs.size();
        Collections.shuffle(pairs, new Random(13));
        if (pairs.size() > maxPairs) {
            pairs = new ArrayList<>(pairs.subList(0, maxPairs));
        }
        int catalogueUsed = pairs.size();
        List<Pair> handbook = Boolean.parseBoolean(a.getOrDefault("handbook", "false"))
                ? handbookPairs(root.resolve(HANDBOOK)) : List.of();
        pairs.addAll(handbook);
        List<Pair> dictionary = dictionaryPairs(dictionaryPairs);
        pairs.addAll(dictionary);
        System.out.printf(Locale.ROOT, "%d catalogue pairs found, %d used, %d handbook paragraph pairs, %d dictionary "
                + "pairs%n", fromCatalogues, catalogueUsed, handbook.size(), dictionary.size());

        Files.createDirectories(cache);
        float[][] zh;
        float[][] en;
        float[][] zhEnglishSide;
        try (BgeEmbedder zhModel = new BgeEmbedder(1, 2, 512);
             BgeEmbedder enModel = new BgeEmbedder(BgeEmbedder.Model.EN, 1, 2, 512)) {
            zh = embedAll(zhModel, pairs.stream().map(Pair::zh).toList(), cache.resolve("zh.bin"), "zh");
            en = embedAll(enModel, pairs.stream().map(Pair::en).toList(), cache.resolve("en.bin"), "en");
            zhEnglishSide = embedAll(zhModel, pairs.stream().map(Pair::en).toList(), cache.resolve("zh-of-en.bin"),
                    "en with the zh model");
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            (Math.floorMod(pairs.get(i).en().toLowerCase(Locale.ROOT).hashCode(), 20) == 0 ? validation : train).add(i);
        }
        System.out.printf(Locale.ROOT, "train %d pairs, validation %d%n", train.size(), validation.size());
        Set<String> handbookEnglish = new HashSet<>(handbook.stream().map(Pair::en).toList());
        List<Pair> used = pairs;
        List<Integer> handbookValidation = validation.stream().filter(i -> handbookEnglish.contains(used.get(i).en()))
                .toList();
        if (!handbookValidation.isEmpty()) {
            System.out.printf(Locale.ROOT, "handbook validation paragraphs, no map: %s%n",
                    retrieval(handbookValidation, zh, zhEnglishSide, v -> v));
        }
        System.out.printf(Locale.ROOT, "validation retrieval, no map (bge-small-zh on both sides): %s%n",
                retrieval(validation, zh, zhEnglishSide, v -> v));

        double[][] xtx = gram(zh, zh, train);
        double[][] xty = gram(zh, en, train);
        CrossLingualMap best = null;
        double bestScore = -1;
        double bestPenalty = 0;
        for (double penalty : PENALTIES) {
            CrossLingualMap map = ridge(xtx, xty, penalty * train.size() / 1000.0);
            Retrieval r = retrieval(validation, zh, en, map::toEnglish);
            System.out.printf(Locale.ROOT, "penalty %.3f: validation %s; handbook paragraphs only: %s%n", penalty, r,
                    handbookValidation.isEmpty() ? "-" : retrieval(handbookValidation, zh, en, map::toEnglish));
            if (r.mrr() > bestScore) {
                bestScore = r.mrr();
                best = map;
                bestPenalty = penalty;
            }
        }
        System.out.printf(Locale.ROOT, "chosen penalty %.3f (best validation MRR %.3f); refit on all pairs%n", bestPenalty,
                bestScore);
        List<Integer> all = new ArrayList<>(train);
        all.addAll(validation);
        best = ridge(gram(zh, zh, all), gram(zh, en, all), bestPenalty * all.size() / 1000.0);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            best.write(o);
        }
        System.out.printf(Locale.ROOT, "wrote %s (%d x %d, %d bytes)%n", out, best.rows(), best.cols(), Files.size(out));
    }

    /** The packages of the sources table's gettext rows (name {@code gettext-…}; column 2 is the package). */
    static List<String> cataloguePackages(Path sources) throws IOException {
        return Files.readAllLines(sources, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("gettext-")).map(l -> l.split("\t")[1]).distinct().sorted().toList();
    }

    /**
     * English/Chinese message pairs of every zh_CN catalogue of the given packages (unpacked under
     * {@code root/<package>/}), deduplicated by the English text.
     */
    static List<Pair> cataloguePairs(Path root, List<String> packages) throws IOException {
        Map<String, Pair> byEnglish = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = root.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " missing: run scripts/train-crosslingual-map.sh (it unpacks the packages)");
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".mo") && p.toString().contains("/zh_CN/")).sorted()
                        .forEach(files::add);
            }
        }
        for (Path f : files) {
            for (String[] entry : ModernCorpusBuilder.catalogueEntries(Files.readAllBytes(f))) {
                if (entry[0].isEmpty()) {
                    continue; // the header entry
                }
                String en = ModernCorpusBuilder.cleanMessage(entry[0].split("\u0000")[0]);
                String zh = ModernCorpusBuilder.cleanMessage(entry[1].split("\u0000")[0]);
                if (usable(en, zh)) {
                    byEnglish.putIfAbsent(en.toLowerCase(Locale.ROOT), new Pair(en, zh));
                }
            }
        }
        return new ArrayList<>(byEnglish.values());
    }

    /** Where the Debian Administrator's Handbook's HTML lies under {@code --root}, one folder per language. */
    static final String HANDBOOK = "debian-handbook/usr/share/doc/debian-handbook/html";

    /**
     * The paragraphs ({@code div.para}) of the Debian Administrator's Handbook in English and in Chinese, paired by
     * position in each chapter whose two versions have the same number of paragraphs; a paragraph left in English in
     * the Chinese version (fewer than ten Chinese characters) is skipped. Empty when the handbook is not unpacked.
     */
    static List<Pair> handbookPairs(Path dir) throws IOException {
        List<Pair> out = new ArrayList<>();
        Path en = dir.resolve("en-US");
        Path zh = dir.resolve("zh-CN");
        if (!Files.isDirectory(en) || !Files.isDirectory(zh)) {
            return out;
        }
        List<Path> chapters;
        try (Stream<Path> list = Files.list(en)) {
            chapters = list.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path chapter : chapters) {
            Path other = zh.resolve(chapter.getFileName().toString());
            if (!Files.exists(other)) {
                continue;
            }
            List<String> a = handbookParagraphs(chapter);
            List<String> b = handbookParagraphs(other);
            if (a.size() != b.size()) {
                continue;
            }
            for (int i = 0; i < a.size(); i++) {
                String e = a.get(i);
                String z = b.get(i);
                if (e.length() >= 20 && z.codePoints().filter(ModernCorpusBuilder::isHan).count() >= 10) {
                    out.add(new Pair(e, z));
                }
            }
        }
        return out;
    }

    private static List<String> handbookParagraphs(Path html) throws IOException {
        return org.jsoup.Jsoup.parse(html.toFile(), "UTF-8").select("div.para").stream()
                .map(e -> ModernCorpusBuilder.normalise(e.text())).toList();
    }

    /** Two or more English words, at least two Chinese characters, no untranslated English copy, 8–300 characters. */
    static boolean usable(String en, String zh) {
        if (en.length() < 8 || en.length() > 300 || zh.length() > 300) {
            return false;
        }
        long words = Stream.of(en.split("\\s+")).filter(w -> w.chars().filter(Character::isLetter).count() >= 2).count();
        long han = zh.codePoints().filter(ModernCorpusBuilder::isHan).count();
        return words >= 2 && han >= 2 && !zh.contains(en);
    }

    /**
     * The project glossary and the documents' glossary (every entry, first English equivalent) and the first
     * {@code limit} multi-character CC-CEDICT headwords with their first gloss, in the table's order.
     */
    static List<Pair> dictionaryPairs(int limit) throws IOException {
        List<Pair> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String glossary : List.of("qa/glossary-zh-en.tsv", "qa/glossary-documents-zh-en.tsv")) {
            readTable(glossary, false, Integer.MAX_VALUE, out, seen);
        }
        readTable("qa/cedict-zh-en.tsv.gz", true, limit, out, seen);
        return out;
    }

    private static void readTable(String resource, boolean gzip, int limit, List<Pair> out, Set<String> seen)
            throws IOException {
        try (InputStream raw = CrossLingualMapTrainer.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IOException("missing classpath resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw) : raw,
                    StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null && n < limit; ) {
                String[] f = line.split("\t");
                if (line.startsWith("#") || f.length < 2 || f[0].codePointCount(0, f[0].length()) < 2) {
                    continue;
                }
                String en = f[1].split("\\|")[0].strip();
                if (!en.isEmpty() && seen.add(f[0])) {
                    out.add(new Pair(en, f[0].strip()));
                    n++;
                }
            }
        }
    }

    private static float[][] embedAll(BgeEmbedder model, List<String> texts, Path file, String label) throws IOException {
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                int d = in.readInt();
                if (n == texts.size() && in.readInt() == texts.hashCode()) {
                    float[][] v = new float[n][d];
                    for (float[] row : v) {
                        for (int j = 0; j < d; j++) {
                            row[j] = in.readFloat();
                        }
                    }
                    System.out.printf(Locale.ROOT, "%s: %d embeddings from the cache %s%n", label, n, file);
                    return v;
                }
            }
        }
        float[][] v = new float[texts.size()][];
        try (ProgressBar bar = new ProgressBar("embed " + label, texts.size())) {
            for (int i = 0; i < texts.size(); i++) {
                v[i] = model.embed(texts.get(i));
                bar.step(1, "");
            }
        }
        try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            o.writeInt(v.length);
            o.writeInt(v[0].length);
            o.writeInt(texts.hashCode());
            for (float[] row : v) {
                for (float x : row) {
                    o.writeFloat(x);
                }
            }
        }
        return v;
    }

    /** {@code Σ a[i]ᵀ b[i]} over the rows {@code rows}. */
    static double[][] gram(float[][] a, float[][] b, List<Integer> rows) {
        int p = a[0].length;
        int q = b[0].length;
        double[][] g = new double[p][q];
        for (int i : rows) {
            float[] x = a[i];
            float[] y = b[i];
            for (int r = 0; r < p; r++) {
                double xr = x[r];
                double[] gr = g[r];
                for (int c = 0; c < q; c++) {
                    gr[c] += xr * y[c];
                }
            }
        }
        return g;
    }

    /** Solves {@code (XᵀX + λI) W = XᵀY} by Cholesky decomposition. */
    static CrossLingualMap ridge(double[][] xtx, double[][] xty, double lambda) {
        int p = xtx.length;
        int q = xty[0].length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = xtx[i][j] + (i == j ? lambda : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        float[] w = new float[p * q];
        double[] z = new double[p];
        for (int c = 0; c < q; c++) {
            for (int i = 0; i < p; i++) {
                double s = xty[i][c];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < p; k++) {
                    s -= l[k][i] * w[k * q + c];
                }
                w[i * q + c] = (float) (s / l[i][i]);
            }
        }
        return new CrossLingualMap(p, q, w);
    }

    record Retrieval(double p1, double p5, double mrr, int n) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P@1 %.3f, P@5 %.3f, MRR %.3f over %d pairs", p1, p5, mrr, n);
        }
    }

    /** Each validation pair's mapped Chinese vector against every validation pair's English vector. */
    static Retrieval retrieval(List<Integer> rows, float[][] zh, float[][] en,
                               java.util.function.UnaryOperator<float[]> map) {
        double p1 = 0;
        double p5 = 0;
        double mrr = 0;
        for (int i : rows) {
            float[] q = map.apply(zh[i]);
            double own = BgeEmbedder.dot(q, en[i]);
            int rank = 1;
            for (int j : rows) {
                if (j != i && BgeEmbedder.dot(q, en[j]) > own) {
                    rank++;
                }
            }
            p1 += rank == 1 ? 1 : 0;
            p5 += rank <= 5 ? 1 : 0;
            mrr += 1.0 / rank;
        }
        int n = rows.size();
        return new Retrieval(p1 / n, p5 / n, mrr / n, n);
    }
}
