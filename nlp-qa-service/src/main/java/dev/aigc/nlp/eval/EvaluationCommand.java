package dev.aigc.nlp.eval;

import dev.aigc.nlp.classify.SentimentAnalyzer;
import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.KbProperties;
import dev.aigc.nlp.kb.KbSeeder;
import dev.aigc.nlp.kb.KnowledgeBase;
import dev.aigc.nlp.qa.HybridRetriever;
import dev.aigc.nlp.qa.QaProperties;
import dev.aigc.nlp.qa.RetrievalMode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates retrieval (BM25, dense, hybrid) against the bundled knowledge base loaded into a fresh temporary index,
 * on two question sets, and sentiment on eval/sentiment-eval.tsv. Prints the tables and replaces the block between
 * {@code <!-- eval:start -->} and {@code <!-- eval:end -->} in the docs.
 *
 * <ul>
 *   <li><b>Tuning set</b> (eval/qa-eval.tsv): the settings were chosen on it; every mode with and without bge's
 *       query instruction, each with a no-answer threshold calibrated on this set, plus hybrid at the shipped
 *       threshold.</li>
 *   <li><b>Held-out set</b> (eval/qa-heldout.tsv): written after the settings were frozen; the shipped settings
 *       only (no query instruction) and thresholds fixed before it was seen: the shipped
 *       {@code nlp.qa.min-similarity} for hybrid, the tuning-set calibration for BM25 and dense. Nothing is
 *       calibrated on it.</li>
 * </ul>
 *
 * <p>Usage (from the repository root): {@code EvaluationCommand <qa-eval.tsv> <qa-heldout.tsv>
 * <sentiment-eval.tsv> <docs file> <shipped min-similarity>}.
 */
public final class EvaluationCommand {

    /** The shipped settings (application.yml nlp.qa.dense-weight-english and lexical-weight). */
    static final double DENSE_WEIGHT_ENGLISH = 0.3;
    static final double LEXICAL_WEIGHT = 0.02;

    private static final String HEADER = "| retrieval | query instruction | hit@1 | hit@5 | MRR | threshold "
            + "| no-answer precision | no-answer recall | answered with right doc | ms/question |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n";

    private EvaluationCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: EvaluationCommand <qa-eval.tsv> <qa-heldout.tsv> "
                    + "<sentiment-eval.tsv> <docs file> <shipped min-similarity>");
        }
        List<EvalQuestion> tuning = EvalQuestion.read(Path.of(args[0]));
        List<EvalQuestion> heldOut = EvalQuestion.read(Path.of(args[1]));
        Path sentimentSet = Path.of(args[2]);
        Path docs = Path.of(args[3]);
        double shipped = Double.parseDouble(args[4]);
        Path index = Files.createTempDirectory("nlp-eval-index");
        StringBuilder md = new StringBuilder();
        try (BgeEmbedder embedder = new BgeEmbedder(1, 2, 512);
             KnowledgeBase kb = new KnowledgeBase(new KbProperties(index.toString(), true, 160, 1, 100_000), embedder)) {
            long t0 = System.nanoTime();
            KbSeeder.seedIfEmpty(kb);
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            md.append(String.format(Locale.ROOT, "Knowledge base: %d documents (indexed in %.1f s).%n%n", kb.count(),
                    seedSeconds));
            md.append("Tuning set `eval/qa-eval.tsv` (the settings were chosen on it): ").append(describe(tuning))
                    .append(". Threshold = calibrated on this set (best accuracy of the answer / refuse decision), ")
                    .append("except the shipped-threshold row.\n\n");
            md.append(HEADER);
            Map<RetrievalMode, List<RetrievalEvaluator.Outcome>> tuned = new EnumMap<>(RetrievalMode.class);
            Map<RetrievalMode, Double> frozen = new EnumMap<>(RetrievalMode.class);
            Map<RetrievalMode, Double> speed = new EnumMap<>(RetrievalMode.class);
            for (boolean instruction : new boolean[] {false, true}) {
                RetrievalEvaluator evaluator = evaluator(kb, embedder, instruction);
                for (RetrievalMode mode : RetrievalMode.values()) {
                    long start = System.nanoTime();
                    List<RetrievalEvaluator.Outcome> outcomes = evaluator.run(tuning, mode);
                    double ms = (System.nanoTime() - start) / 1e6 / tuning.size();
                    double t = RetrievalEvaluator.calibrate(outcomes);
                    md.append(row(name(mode), instruction ? "yes" : "no", RetrievalEvaluator.metrics(outcomes, t), ms));
                    if (!instruction) {
                        tuned.put(mode, outcomes);
                        frozen.put(mode, mode == RetrievalMode.HYBRID ? shipped : t);
                        speed.put(mode, ms);
                    }
                    if (mode == RetrievalMode.HYBRID && !instruction) {
                        md.append(row("hybrid, shipped threshold", "no", RetrievalEvaluator.metrics(outcomes, shipped),
                                ms));
                    }
                }
            }
            md.append("\nHeld-out set `eval/qa-heldout.tsv` (written after the settings were frozen, never used for ")
                    .append("tuning): ").append(describe(heldOut)).append(". Shipped settings (no query instruction); ")
                    .append("thresholds fixed before the held-out set was run: the shipped `nlp.qa.min-similarity` ")
                    .append("for hybrid, the tuning-set calibration for BM25 and dense. Side by side with the ")
                    .append("tuning set at the same thresholds:\n\n");
            md.append(HEADER.replace("query instruction", "question set"));
            RetrievalEvaluator evaluator = evaluator(kb, embedder, false);
            Map<RetrievalMode, List<RetrievalEvaluator.Outcome>> held = new EnumMap<>(RetrievalMode.class);
            for (RetrievalMode mode : RetrievalMode.values()) {
                long start = System.nanoTime();
                held.put(mode, evaluator.run(heldOut, mode));
                double ms = (System.nanoTime() - start) / 1e6 / heldOut.size();
                double t = frozen.get(mode);
                md.append(row(name(mode), "tuning", RetrievalEvaluator.metrics(tuned.get(mode), t),
                        speed.get(mode)));
                md.append(row(name(mode), "**held-out**", RetrievalEvaluator.metrics(held.get(mode), t), ms));
            }
            md.append(byLanguage(tuned.get(RetrievalMode.HYBRID), held.get(RetrievalMode.HYBRID), shipped));
            md.append("\nHybrid (shipped settings), tuning set: questions whose expected document was not ranked "
                    + "first:\n\n");
            md.append(bullets(misses(tuned.get(RetrievalMode.HYBRID))));
            md.append("\nHybrid (shipped settings), held-out set: questions whose expected document was not ranked "
                    + "first, and wrong answer/refuse decisions:\n\n");
            List<String> heldOutProblems = new ArrayList<>(misses(held.get(RetrievalMode.HYBRID)));
            heldOutProblems.addAll(wrongDecisions(held.get(RetrievalMode.HYBRID), shipped));
            md.append(bullets(heldOutProblems));
            printSignals("tuning", tuned.get(RetrievalMode.HYBRID));
            printSignals("held-out", held.get(RetrievalMode.HYBRID));
            md.append(sentiment(embedder, sentimentSet));
        } finally {
            deleteTree(index);
        }
        System.out.println(md);
        writeSection(docs, md.toString());
    }

    private static RetrievalEvaluator evaluator(KnowledgeBase kb, BgeEmbedder embedder, boolean instruction) {
        QaProperties qa = new QaProperties(0, 60, 20, instruction, DENSE_WEIGHT_ENGLISH, LEXICAL_WEIGHT, 500);
        return new RetrievalEvaluator(new HybridRetriever(kb.store(), embedder, qa), LEXICAL_WEIGHT);
    }

    private static String name(RetrievalMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static String describe(List<EvalQuestion> questions) {
        long zh = questions.stream().filter(q -> q.answerable() && q.lang().equals("zh")).count();
        long en = questions.stream().filter(q -> q.answerable() && q.lang().equals("en")).count();
        long zhNo = questions.stream().filter(q -> !q.answerable() && q.lang().equals("zh")).count();
        return String.format(Locale.ROOT, "%d answerable (%d zh, %d en), %d unanswerable (%d zh, %d en)", zh + en, zh,
                en, questions.size() - zh - en, zhNo, questions.size() - zh - en - zhNo);
    }

    /** Hybrid hit@1 and no-answer recall per question language, both sets, at the shipped threshold. */
    private static String byLanguage(List<RetrievalEvaluator.Outcome> tuning, List<RetrievalEvaluator.Outcome> heldOut,
                                     double shipped) {
        StringBuilder sb = new StringBuilder("\n| hybrid, shipped threshold | zh hit@1 | en hit@1 "
                + "| zh no-answer recall | en no-answer recall |\n|---|---|---|---|---|\n");
        for (var set : List.of(Map.entry("tuning", tuning), Map.entry("held-out", heldOut))) {
            RetrievalEvaluator.Metrics zh = RetrievalEvaluator.metrics(language(set.getValue(), "zh"), shipped);
            RetrievalEvaluator.Metrics en = RetrievalEvaluator.metrics(language(set.getValue(), "en"), shipped);
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", set.getKey(), zh.hit1(),
                    en.hit1(), zh.noAnswerRecall(), en.noAnswerRecall()));
        }
        return sb.toString();
    }

    private static List<RetrievalEvaluator.Outcome> language(List<RetrievalEvaluator.Outcome> outcomes, String lang) {
        return outcomes.stream().filter(o -> o.question().lang().equals(lang)).toList();
    }

    private static List<String> misses(List<RetrievalEvaluator.Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.question().answerable() && o.rank() != 1)
                .map(o -> String.format(Locale.ROOT, "- `%s` expected `%s`, rank %d, top `%s`", o.question().question(),
                        o.question().expectedDocId(), o.rank(), o.topDocId()))
                .toList();
    }

    private static List<String> wrongDecisions(List<RetrievalEvaluator.Outcome> outcomes, double threshold) {
        return outcomes.stream().filter(o -> (o.signal() < threshold) == o.question().answerable())
                .map(o -> String.format(Locale.ROOT, "- `%s` %s (relevance %.3f, top `%s`)", o.question().question(),
                        o.question().answerable() ? "refused although answerable" : "answered although unanswerable",
                        o.signal(), o.topDocId()))
                .toList();
    }

    private static String bullets(List<String> lines) {
        return lines.isEmpty() ? "- none\n" : String.join("\n", lines) + "\n";
    }

    private static void printSignals(String set, List<RetrievalEvaluator.Outcome> outcomes) {
        List<String> signals = new ArrayList<>();
        outcomes.stream().filter(o -> !o.question().answerable())
                .forEach(o -> signals.add(String.format(Locale.ROOT, "%.3f", o.signal())));
        double lowestAnswerable = outcomes.stream().filter(o -> o.question().answerable())
                .mapToDouble(RetrievalEvaluator.Outcome::signal).min().orElse(Double.NaN);
        System.out.println("hybrid, " + set + ": unanswerable signals " + signals + "; lowest answerable signal "
                + lowestAnswerable);
    }

    private static String row(String name, String instruction, RetrievalEvaluator.Metrics m, double ms) {
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f |%n", name,
                instruction, m.hit1(), m.hit5(), m.mrr(), m.threshold(), m.noAnswerPrecision(), m.noAnswerRecall(),
                m.answeredCorrectly(), ms);
    }

    private static String sentiment(BgeEmbedder embedder, Path set) throws Exception {
        SentimentAnalyzer analyzer = new SentimentAnalyzer(embedder);
        List<String[]> rows = SentimentAnalyzer.parse(Files.readString(set, StandardCharsets.UTF_8));
        int correct = 0;
        int zh = 0;
        int zhCorrect = 0;
        int[][] confusion = new int[3][3];
        for (String[] r : rows) {
            String predicted = analyzer.analyze(r[1]).label();
            boolean ok = predicted.equals(r[0]);
            correct += ok ? 1 : 0;
            confusion[SentimentAnalyzer.LABELS.indexOf(r[0])][SentimentAnalyzer.LABELS.indexOf(predicted)]++;
            if (r[1].codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                zh++;
                zhCorrect += ok ? 1 : 0;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nSentiment (head trained on %d sentences, evaluated on %d held-out): "
                        + "accuracy %.3f (zh %.3f on %d, en %.3f on %d).%n%n", analyzer.trainingSize(), rows.size(),
                (double) correct / rows.size(), (double) zhCorrect / zh, zh,
                (double) (correct - zhCorrect) / (rows.size() - zh), rows.size() - zh));
        sb.append("| true \\ predicted | positive | negative | neutral |\n|---|---|---|---|\n");
        for (int i = 0; i < 3; i++) {
            sb.append(String.format("| %s | %d | %d | %d |%n", SentimentAnalyzer.LABELS.get(i), confusion[i][0],
                    confusion[i][1], confusion[i][2]));
        }
        return sb.toString();
    }

    static void writeSection(Path docs, String section) throws Exception {
        String start = "<!-- eval:start -->";
        String end = "<!-- eval:end -->";
        String content = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
        int a = content.indexOf(start);
        int b = content.indexOf(end);
        String block = start + "\n" + section + end;
        content = a >= 0 && b > a ? content.substring(0, a) + block + content.substring(b + end.length())
                : content + "\n" + block + "\n";
        Files.writeString(docs, content, StandardCharsets.UTF_8);
        System.out.println("updated " + docs);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
