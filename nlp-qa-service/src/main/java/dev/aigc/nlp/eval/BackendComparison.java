package dev.aigc.nlp.eval;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.KbSeeder;
import dev.aigc.nlp.kb.KnowledgeBase;
import dev.aigc.nlp.qa.Bilingual;
import dev.aigc.nlp.qa.ConfidenceModel;
import dev.aigc.nlp.qa.DenseEnglishView;
import dev.aigc.nlp.qa.QaService;
import dev.aigc.nlp.qa.RetrievalMode;
import dev.aigc.nlp.qa.TermCoverage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shipped pipeline (hybrid + cross-lingual, calibrated refusals) on the embedded Lucene index and on SolrCloud,
 * same base, same questions: held-out v4, v5 and the tuning set. Prints hit@1 and the refusal figures of both, writes
 * them between {@code <!-- backends:start -->} and {@code <!-- backends:end -->} in the docs, and fails (exit 1)
 * when any of them differs by more than {@link #TOLERANCE}.
 */
final class BackendComparison {

    static final double TOLERANCE = 0.02;
    static final Map<String, String> SETS = Map.of("held-out v4", "qa-heldout-v4.tsv", "held-out v5",
            "qa-heldout-v5.tsv", "tuning", "qa-eval.tsv");
    static final List<String> ORDER = List.of("held-out v4", "held-out v5", "tuning");

    private BackendComparison() {
    }

    static void run(List<String> solrUrls, Path docs) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        ORDER.forEach(s -> files.put(s, SETS.get(s)));
        Map<String, List<EvalQuestion>> sets = EvaluationCommand.read(files);
        Map<String, Map<String, RetrievalEvaluator.Metrics>> results = new LinkedHashMap<>();
        Map<String, Double> msPerQuestion = new LinkedHashMap<>();
        Bilingual bilingual = Bilingual.load();
        try (BgeEmbedder embedder = new BgeEmbedder(1, 2, 512);
             BgeEmbedder english = new BgeEmbedder(BgeEmbedder.Model.EN, 1, 2, 512)) {
            DenseEnglishView denseView = new DenseEnglishView(english, bilingual,
                    EvaluationCommand.SHIPPED_DENSE_VIEW.cacheSize());
            for (String backend : List.of("lucene", "solr")) {
                try (EvalBackend store = EvalBackend.open(backend, solrUrls, bilingual::gloss);
                     KnowledgeBase kb = new KnowledgeBase(store.store(), EvalBackend.PROPERTIES, embedder);
                     TermCoverage coverage = new TermCoverage(kb.store())) {
                    KbSeeder.seedIfEmpty(kb);
                    var pipelines = new EvaluationCommand.Pipelines(kb, embedder, coverage, Bilingual.loadForQuestions(),
                            bilingual, denseView);
                    QaService service = pipelines.service(EvaluationCommand.Pipelines.shipped(true), ConfidenceModel.load());
                    Map<String, RetrievalEvaluator.Metrics> byset = new LinkedHashMap<>();
                    List<RetrievalEvaluator.Outcome> all = new ArrayList<>();
                    for (var e : sets.entrySet()) {
                        List<RetrievalEvaluator.Outcome> o = new RetrievalEvaluator(service).run(e.getValue(),
                                RetrievalMode.HYBRID);
                        all.addAll(o);
                        byset.put(e.getKey(), RetrievalEvaluator.metrics(o));
                    }
                    results.put(backend + " (" + store + ")", byset);
                    msPerQuestion.put(backend, all.stream().mapToDouble(RetrievalEvaluator.Outcome::ms).average()
                            .orElse(0));
                    System.out.printf(Locale.ROOT, "%s done: %.0f ms/question%n", store, msPerQuestion.get(backend));
                }
            }
        }
        StringBuilder md = new StringBuilder("| store | set | hit@1 | MRR | no-answer precision | no-answer recall "
                + "| answered with right doc |\n|---|---|---|---|---|---|---|\n");
        for (var r : results.entrySet()) {
            for (var e : r.getValue().entrySet()) {
                RetrievalEvaluator.Metrics m = e.getValue();
                md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", r.getKey(),
                        e.getKey(), m.hit1(), m.mrr(), m.noAnswerPrecision(), m.noAnswerRecall(), m.answeredCorrectly()));
            }
        }
        List<Map<String, RetrievalEvaluator.Metrics>> both = new ArrayList<>(results.values());
        double worst = 0;
        for (String set : sets.keySet()) {
            RetrievalEvaluator.Metrics a = both.get(0).get(set);
            RetrievalEvaluator.Metrics b = both.get(1).get(set);
            for (double d : new double[] {a.hit1() - b.hit1(), a.noAnswerPrecision() - b.noAnswerPrecision(),
                    a.noAnswerRecall() - b.noAnswerRecall(), a.answeredCorrectly() - b.answeredCorrectly()}) {
                worst = Math.max(worst, Math.abs(d));
            }
        }
        md.append(String.format(Locale.ROOT, "%nLargest difference between the stores (hit@1, no-answer precision and "
                        + "recall, answered with the right document, any set): %.3f (tolerance %.2f). Time per question: "
                        + "Lucene %.0f ms, SolrCloud %.0f ms (same machine, load average %.1f).%n", worst, TOLERANCE,
                msPerQuestion.get("lucene"), msPerQuestion.get("solr"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(md);
        EvaluationCommand.writeSection(docs, "backends", md.toString());
        if (worst > TOLERANCE) {
            System.err.printf(Locale.ROOT, "the stores differ by %.3f > %.2f%n", worst, TOLERANCE);
            System.exit(1);
        }
    }
}
