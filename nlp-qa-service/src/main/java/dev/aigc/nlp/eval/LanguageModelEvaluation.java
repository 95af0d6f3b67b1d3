package dev.aigc.nlp.eval;

import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.CharVocab;
import dev.aigc.nlp.generate.GenerationRequest;
import dev.aigc.nlp.generate.LanguageModel;
import dev.aigc.nlp.generate.TextGenerator;
import dev.aigc.nlp.training.Arguments;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares language-model versions on the modern corpus's test split, side by side:
 * <ul>
 *   <li><b>Bits per character</b> over consecutive windows of 128 characters (overlapping by one, so each character
 *       is predicted once), each scored from an empty context.
 *       A character outside a model's vocabulary is charged the model's unknown-id probability shared equally
 *       among all the test set's characters that model does not know (so a small vocabulary earns nothing).</li>
 *   <li><b>Fluency without a human</b> ({@link FluencyMetrics}) of continuations of the 20 fixed prompts in
 *       {@code eval/lm-prompts.tsv} at 5 seeds each, next to the same measures on real test-split text cut to the
 *       same length.</li>
 *   <li>The 20 prompts with both models' continuations at seed 42, for a reader to judge.</li>
 * </ul>
 * Prints the tables, replaces the block between {@code <!-- lm-eval:start -->} and {@code <!-- lm-eval:end -->} in
 * the docs and adds the test metrics to the card of {@code --card-version} (default: the last version).
 *
 * <p>Usage: {@code LanguageModelEvaluation --corpus=data/lm/corpus --models=DIR --versions=v1,v2
 * --prompts=eval/lm-prompts.tsv --docs=docs/nlp-qa.md [--chars=100] [--seeds=5] [--first-seed=1] [--split=test]
 * [--repetition-penalty=P]}.
 */
public final class LanguageModelEvaluation {

    private static final int WINDOW = 128;

    private LanguageModelEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Arguments.parse(args);
        Path corpus = Path.of(a.getOrDefault("corpus", "data/lm/corpus"));
        String split = a.getOrDefault("split", "test");
        Path models = Path.of(a.getOrDefault("models", "nlp-qa-service/src/main/resources/models/charlm"));
        List<String> versions = List.of(a.getOrDefault("versions", "v1,v2").split(","));
        String cardVersion = a.getOrDefault("card-version", versions.get(versions.size() - 1));
        int chars = Integer.parseInt(a.getOrDefault("chars", "100"));
        int seeds = Integer.parseInt(a.getOrDefault("seeds", "5"));
        int firstSeed = Integer.parseInt(a.getOrDefault("first-seed", "1"));
        Double penalty = a.containsKey("repetition-penalty") ? Double.valueOf(a.get("repetition-penalty")) : null;
        String text = Files.readString(corpus.resolve(split + ".txt"), StandardCharsets.UTF_8);
        List<String[]> prompts = Files.readAllLines(Path.of(a.getOrDefault("prompts", "nlp-qa-service/eval/lm-prompts.tsv")))
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 2)).toList();

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Test split `%s.txt`: %,d characters. Generation: %d characters per "
                        + "prompt, temperature 0.8, top-k 20, top-p 0.95, repetition penalty %s, seeds %d-%d.%n%n", split,
                text.codePointCount(0, text.length()), chars, penalty == null ? "default "
                        + GenerationRequest.DEFAULT_REPETITION_PENALTY : penalty.toString(), firstSeed,
                firstSeed + seeds - 1));
        md.append("| version | model | parameters | test bits/char | perplexity | unknown chars | dictionary-word share | "
                + "distinct-2 | prompt's script kept | chars/s (1 stream) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        FluencyMetrics.Summary real = FluencyMetrics.ofReal(text, chars, 200);
        Map<String, List<String>> samples = new LinkedHashMap<>();
        Map<String, Object> cardMetrics = new LinkedHashMap<>();
        for (String version : versions) {
            try (ModelRegistry<LanguageModel> registry = new ModelRegistry<>(CharLanguageModel.NAME, models.toString(),
                    LanguageModel::load, version)) {
                registry.start();
                LanguageModel model;
                try (var lease = registry.acquire()) {
                    model = lease.model();
                }
                double[] bpc = bitsPerCharacter(model, text);
                TextGenerator generator = new TextGenerator(registry);
                List<String> outputs = new ArrayList<>();
                List<String> langs = new ArrayList<>();
                List<String> shown = new ArrayList<>();
                long start = System.nanoTime();
                int generated = 0;
                for (String[] p : prompts) {
                    for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                        String out = generator.generate(p[1], settings(chars, penalty, seed)).text();
                        outputs.add(out);
                        langs.add(p[0]);
                        generated += out.codePointCount(0, out.length());
                    }
                    shown.add(generator.generate(p[1], settings(chars, penalty, 42)).text());
                }
                double rate = generated / ((System.nanoTime() - start) / 1e9);
                samples.put(version, shown);
                FluencyMetrics.Summary f = FluencyMetrics.of(outputs, langs);
                ModelCard card = model.card();
                Object params = card.details().getOrDefault("parameterCount", "?");
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | **%.3f** | %.1f | %.2f%% | %.3f | %.3f | %.3f | %.0f |%n",
                        version, card.details().get("architecture").toString().replaceAll(" \\(.*", ""), params,
                        bpc[0], Math.pow(2, bpc[0]), 100 * bpc[1], f.dictionaryWordShare(), f.distinct2(),
                        f.scriptKept(), rate));
                if (version.equals(cardVersion)) {
                    cardMetrics.put("testBitsPerCharacter", bpc[0]);
                    cardMetrics.put("testPerplexityPerCharacter", Math.pow(2, bpc[0]));
                    cardMetrics.put("testCharacters", text.codePointCount(0, text.length()));
                    cardMetrics.put("generatedDictionaryWordShare", f.dictionaryWordShare());
                    cardMetrics.put("generatedDistinct2", f.distinct2());
                    cardMetrics.put("realTextDictionaryWordShare", real.dictionaryWordShare());
                    cardMetrics.put("realTextDistinct2", real.distinct2());
                }
                System.out.printf(Locale.ROOT, "%s: %.3f bits/char (unknown %.2f%%), dictionary-word share %.3f, "
                                + "distinct-2 %.3f, script kept %.3f%n", version, bpc[0], 100 * bpc[1],
                        f.dictionaryWordShare(), f.distinct2(), f.scriptKept());
            }
        }
        md.append(String.format(Locale.ROOT, "| real text | %d-character chunks of the %s split | – | – | – | – | %.3f | %.3f | – | – |%n%n",
                chars, split, real.dictionaryWordShare(), real.distinct2()));
        md.append("Continuations at seed 42 (").append(String.join(" / ", versions)).append("):\n\n| prompt | ")
                .append(String.join(" | ", versions)).append(" |\n|---|").append("---|".repeat(versions.size())).append('\n');
        for (int i = 0; i < prompts.size(); i++) {
            md.append("| ").append(cell(prompts.get(i)[1]));
            for (String v : versions) {
                md.append(" | ").append(cell(samples.get(v).get(i)));
            }
            md.append(" |\n");
        }
        System.out.println(md);
        if (!a.getOrDefault("docs", "").isEmpty()) {
            replaceBlock(Path.of(a.get("docs")), md.toString());
        }
        if (!cardMetrics.isEmpty() && split.equals("test")) {
            Path dir = models.resolve(cardVersion);
            ModelCard card = ModelCard.read(dir);
            Map<String, Object> metrics = new LinkedHashMap<>(card.metrics());
            metrics.putAll(cardMetrics);
            new ModelCard(card.name(), card.version(), card.createdAt(), card.dataset(), card.training(), metrics,
                    card.details()).write(dir);
        }
    }

    private static GenerationRequest.GenerationSettings settings(int chars, Double penalty, long seed) {
        return new GenerationRequest.GenerationSettings(chars, 0.8, 20, 0.95,
                penalty == null ? GenerationRequest.DEFAULT_REPETITION_PENALTY : penalty, List.of(), seed);
    }

    /**
     * Bits per character of {@code text} over consecutive windows, and the share of characters the model does not
     * know. An unknown target costs {@code -log2(p(unknown) / u)}, u = distinct unknown characters in the text.
     */
    static double[] bitsPerCharacter(LanguageModel model, String text) {
        CharVocab vocab = model.vocab();
        int[] ids = vocab.encode(text);
        long distinctUnknown = Math.max(1, text.codePoints().filter(cp -> vocab.id(cp) == CharVocab.UNKNOWN)
                .distinct().count());
        long unknown = 0;
        double nats = 0;
        long scored = 0;
        int window = Math.min(WINDOW, model.contextLength());
        // Windows of `window` characters overlapping by one, so every character after the first is scored once.
        for (int start = 0; start + 1 < ids.length; start += window - 1) {
            int end = Math.min(ids.length, start + window);
            int[] w = java.util.Arrays.copyOfRange(ids, start, end);
            double[] logp = model.logProbabilities(w);
            for (int t = 0; t < logp.length; t++) {
                boolean isUnknown = w[t + 1] == CharVocab.UNKNOWN;
                nats -= logp[t] - (isUnknown ? Math.log(distinctUnknown) : 0);
                unknown += isUnknown ? 1 : 0;
                scored++;
            }
        }
        return new double[] {nats / scored / Math.log(2), (double) unknown / scored};
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ⏎ ").strip();
    }

    static void replaceBlock(Path docs, String block) throws IOException {
        String start = "<!-- lm-eval:start -->";
        String end = "<!-- lm-eval:end -->";
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        int i = text.indexOf(start);
        int j = text.indexOf(end);
        if (i < 0 || j < i) {
            System.out.println("(no " + start + " block in " + docs + ": not written)");
            return;
        }
        Files.writeString(docs, text.substring(0, i + start.length()) + "\n" + block + text.substring(j),
                StandardCharsets.UTF_8);
    }
}
