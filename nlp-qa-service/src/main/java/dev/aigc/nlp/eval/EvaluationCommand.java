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
import java.util.List;
import java.util.Locale;

/**
 * Evaluates retrieval (BM25, dense, hybrid; with and without bge's query instruction) on eval/qa-eval.tsv against
 * the bundled knowledge base loaded into a fresh temporary index, and sentiment on eval/sentiment-eval.tsv. Prints
 * the tables and replaces the block between {@code <!-- eval:start -->} and {@code <!-- eval:end -->} in the docs.
 *
 * <p>Usage (from the repository root): {@code EvaluationCommand [qa-eval.tsv] [sentiment-eval.tsv] [docs file]
 * [configured min-similarity]}.
 */
public final class EvaluationCommand {

    /** The shipped settings (application.yml nlp.qa.dense-weight-english and lexical-weight). */
    static final double DENSE_WEIGHT_ENGLISH = 0.3;
    static final double LEXICAL_WEIGHT = 0.02;

    private EvaluationCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path qaSet = Path.of(args.length > 0 ? args[0] : "nlp-qa-service/eval/qa-eval.tsv");
        Path sentimentSet = Path.of(args.length > 1 ? args[1] : "nlp-qa-service/eval/sentiment-eval.tsv");
        Path docs = Path.of(args.length > 2 ? args[2] : "docs/nlp-qa.md");
        double configured = args.length > 3 ? Double.parseDouble(args[3]) : Double.NaN;
        List<EvalQuestion> questions = EvalQuestion.read(qaSet);
        Path index = Files.createTempDirectory("nlp-eval-index");
        StringBuilder md = new StringBuilder();
        try (BgeEmbedder embedder = new BgeEmbedder(1, 2, 512);
             KnowledgeBase kb = new KnowledgeBase(new KbProperties(index.toString(), true, 160, 1, 100_000), embedder)) {
            long t0 = System.nanoTime();
            KbSeeder.seedIfEmpty(kb);
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            long answerable = questions.stream().filter(EvalQuestion::answerable).count();
            md.append(String.format(Locale.ROOT, "Knowledge base: %d documents (indexed in %.1f s). Questions: %d answerable "
                            + "(%d zh, %d en), %d unanswerable. Threshold = calibrated on this set (best accuracy of the "
                            + "answer / refuse decision).%n%n", kb.count(), seedSeconds, answerable,
                    questions.stream().filter(q -> q.answerable() && q.lang().equals("zh")).count(),
                    questions.stream().filter(q -> q.answerable() && q.lang().equals("en")).count(),
                    questions.size() - answerable));
            md.append("| retrieval | query instruction | hit@1 | hit@5 | MRR | threshold | no-answer precision "
                    + "| no-answer recall | answered with right doc | ms/question |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|\n");
            List<String> misses = new ArrayList<>();
            for (boolean instruction : new boolean[] {false, true}) {
                QaProperties qa = new QaProperties(0, 60, 20, instruction, DENSE_WEIGHT_ENGLISH, LEXICAL_WEIGHT, 500);
                RetrievalEvaluator evaluator = new RetrievalEvaluator(new HybridRetriever(kb.store(), embedder, qa),
                        LEXICAL_WEIGHT);
                for (RetrievalMode mode : RetrievalMode.values()) {
                    long start = System.nanoTime();
                    List<RetrievalEvaluator.Outcome> outcomes = evaluator.run(questions, mode);
                    double ms = (System.nanoTime() - start) / 1e6 / questions.size();
                    double t = RetrievalEvaluator.calibrate(outcomes);
                    RetrievalEvaluator.Metrics m = RetrievalEvaluator.metrics(outcomes, t);
                    md.append(row(mode.name().toLowerCase(Locale.ROOT), instruction ? "yes" : "no", m, ms));
                    if (mode == RetrievalMode.HYBRID && !instruction) {
                        if (!Double.isNaN(configured)) {
                            RetrievalEvaluator.Metrics c = RetrievalEvaluator.metrics(outcomes, configured);
                            md.append(row("hybrid, shipped threshold", "no", c, ms));
                        }
                        for (RetrievalEvaluator.Outcome o : outcomes) {
                            if (o.question().answerable() && o.rank() != 1) {
                                misses.add(String.format(Locale.ROOT, "- `%s` expected `%s`, rank %d, top `%s`",
                                        o.question().question(), o.question().expectedDocId(), o.rank(), o.topDocId()));
                            }
                        }
                        List<String> signals = new ArrayList<>();
                        outcomes.stream().filter(o -> !o.question().answerable())
                                .forEach(o -> signals.add(String.format(Locale.ROOT, "%.3f", o.signal())));
                        double lowestAnswerable = outcomes.stream().filter(o -> o.question().answerable())
                                .mapToDouble(RetrievalEvaluator.Outcome::signal).min().orElse(Double.NaN);
                        System.out.println("hybrid: unanswerable signals " + signals
                                + "; lowest answerable signal " + lowestAnswerable);
                    }
                }
            }
            md.append("\nHybrid (shipped settings) questions whose expected document was not ranked first:\n\n");
            md.append(misses.isEmpty() ? "- none\n" : String.join("\n", misses) + "\n");
            md.append(sentiment(embedder, sentimentSet));
        } finally {
            deleteTree(index);
        }
        System.out.println(md);
        writeSection(docs, md.toString());
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
