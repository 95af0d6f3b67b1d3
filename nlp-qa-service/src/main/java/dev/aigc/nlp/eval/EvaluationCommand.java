package dev.aigc.nlp.eval;

import dev.aigc.nlp.classify.SentimentAnalyzer;
import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.KbSeeder;
import dev.aigc.nlp.kb.KnowledgeBase;
import dev.aigc.nlp.kb.Languages;
import dev.aigc.nlp.qa.AnswerComposer;
import dev.aigc.nlp.qa.AskRequest;
import dev.aigc.nlp.qa.Bilingual;
import dev.aigc.nlp.qa.ConfidenceModel;
import dev.aigc.nlp.qa.DenseEnglishView;
import dev.aigc.nlp.qa.HybridRetriever;
import dev.aigc.nlp.qa.LanguageSwitch;
import dev.aigc.nlp.qa.PassageSelector;
import dev.aigc.nlp.qa.QaProperties;
import dev.aigc.nlp.qa.QaService;
import dev.aigc.nlp.qa.RetrievalMode;
import dev.aigc.nlp.qa.TermCoverage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Evaluates the question answering on the bundled knowledge base loaded into a fresh temporary index. Commands (run
 * from the repository root; the question sets are read from {@code nlp-qa-service/eval/}; {@code evaluate.sh} lists
 * them all):
 * <ul>
 *   <li>{@code tune}: hit@1 / MRR of hybrid retrieval on the tuning sets for a grid of cross-lingual fusion
 *       weights (how {@code nlp.qa.cross-lingual-weight} and {@code translated-dense-weight} were chosen);</li>
 *   <li>{@code xdiag}, {@code decision}, {@code candidates}: per-question diagnostics on the tuning sets (where
 *       cross-lingual questions are lost; the language decision's signals; both rankings' first documents with their
 *       English-view and dense English-view scores);</li>
 *   <li>{@code fit}: runs the shipped retrieval on the tuning sets ({@link #TUNING}), fits the confidence model
 *       ({@link LogisticFit}) with "answered from the expected document" as the label, chooses the refusal threshold
 *       (best F1 of the refusals on the same questions) and writes
 *       {@code src/main/resources/qa/confidence-model.properties};</li>
 *   <li>{@code fit-switch}: fits the learned language switch ({@link LanguageSwitch}) on the tuning sets, its
 *       thresholds chosen leave one set out, and writes {@code src/main/resources/qa/language-switch.properties};</li>
 *   <li>{@code latency}: p50 / p90 of {@code /ask} on held-out v4, before issue 13 and final, warm and cold;</li>
 *   <li>{@code report <docs file>}: BM25-only, dense-only, hybrid before this issue (no cross-lingual lists, fixed
 *       rules), its first, second, fourth and fifth steps and the final pipeline on every set, the reliability table and ECE, /ask latency,
 *       sentiment; replaces the block between {@code <!-- eval:start -->} and {@code <!-- eval:end -->} in the docs.</li>
 * </ul>
 */
public final class EvaluationCommand {

    static final Path EVAL = Path.of("nlp-qa-service/eval");
    /** Sets used for tuning and fitting (name → file). */
    static final Map<String, String> TUNING = ordered("tuning", "qa-eval.tsv", "cross-lingual tuning",
            "qa-xling-tuning.tsv", "held-out v1 (diagnosed)", "qa-heldout.tsv", "held-out v2 (diagnosed)",
            "qa-heldout-v2.tsv", "held-out v3 (diagnosed)", "qa-heldout-v3.tsv", "cross-lingual v1 (diagnosed)",
            "qa-heldout-xling-v1.tsv", "cross-lingual v2 (diagnosed)", "qa-heldout-xling-v2.tsv",
            "cross-lingual v3 (diagnosed)", "qa-heldout-xling-v3.tsv", "cross-lingual v4 (diagnosed)",
            "qa-heldout-xling-v4.tsv", "cross-lingual v5 (diagnosed)", "qa-heldout-xling-v5.tsv",
            "cross-lingual v6 (diagnosed)", "qa-heldout-xling-v6.tsv");
    /** Sets never used for tuning or fitting. */
    static final Map<String, String> HELD_OUT = ordered("held-out v4", "qa-heldout-v4.tsv", "held-out v5",
            "qa-heldout-v5.tsv", "cross-lingual held-out v7", "qa-heldout-xling-v7.tsv", "cross-lingual held-out v8",
            "qa-heldout-xling-v8.tsv");

    private EvaluationCommand() {
    }

    /**
     * {@code EvaluationCommand [tune | fit | report [docs] | compare [docs]] [--backend=lucene|solr]
     * [--solr-urls=URL,URL]}: the base is loaded into a fresh temporary Lucene index, or with {@code --backend=solr}
     * into a fresh collection of the SolrCloud at {@code --solr-urls} (deleted afterwards); {@code compare} runs the
     * final pipeline on both and writes the comparison ({@link BackendComparison}).
     */
    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                positional.add(a);
            }
        }
        String command = positional.isEmpty() ? "report" : positional.get(0);
        Path docs = Path.of(positional.size() > 1 ? positional.get(1) : "docs/nlp-qa.md");
        List<String> solrUrls = List.of(options.getOrDefault("solr-urls", "http://127.0.0.1:8983/solr").split(","));
        if (command.equals("compare")) {
            BackendComparison.run(solrUrls, docs);
            return;
        }
        String backend = options.getOrDefault("backend", "lucene");
        Bilingual bilingual = Bilingual.load();
        Bilingual questions = Bilingual.loadForQuestions();
        try (BgeEmbedder embedder = new BgeEmbedder(1, 2, 512);
             BgeEmbedder english = new BgeEmbedder(BgeEmbedder.Model.EN, 1, 2, 512);
             EvalBackend store = EvalBackend.open(backend, solrUrls, bilingual::gloss);
             KnowledgeBase kb = new KnowledgeBase(store.store(), EvalBackend.PROPERTIES, embedder);
             TermCoverage termCoverage = new TermCoverage(kb.store())) {
            long t0 = System.nanoTime();
            KbSeeder.seedIfEmpty(kb);
            System.out.printf(Locale.ROOT, "indexed %d documents in %s in %.1f s%n", kb.count(), store,
                    (System.nanoTime() - t0) / 1e9);
            Pipelines p = new Pipelines(kb, embedder, termCoverage, questions, bilingual,
                    new DenseEnglishView(english, bilingual, SHIPPED_DENSE_VIEW.cacheSize()));
            switch (command) {
                case "tune" -> tune(p);
                case "xdiag" -> crossLingualDiagnosis(p);
                case "xmap" -> MappedDenseDiagnosis.run(p, english,
                        options.containsKey("map") ? Path.of(options.get("map")) : null);
                case "decision" -> decisionRows(p);
                case "candidates" -> candidateRows(p);
                case "latency" -> {
                    ConfidenceModel model = ConfidenceModel.load();
                    System.out.println(latency(p, p.service(Pipelines.beforeIssue13(), model),
                            p.service(Pipelines.beforeIssue13(), model, 0), model,
                            EvalQuestion.read(EVAL.resolve("qa-heldout-v4.tsv"))));
                }
                case "fit" -> fit(p, Path.of("nlp-qa-service/src/main/resources", ConfidenceModel.RESOURCE));
                case "fit-switch" -> fitSwitch(p, Path.of("nlp-qa-service/src/main/resources", LanguageSwitch.RESOURCE));
                case "report" -> report(p, docs);
                default -> throw new IllegalArgumentException(
                        "usage: EvaluationCommand tune | xdiag | decision | candidates | latency | fit | fit-switch | report [docs] "
                                + "| compare [docs] "
                                + "[--backend=lucene|solr] "
                                + "[--solr-urls=URL,URL]");
            }
        }
    }

    /**
     * The service wired like the application, with settings varied by the evaluation: {@code bilingual} translates
     * the questions ({@link Bilingual#loadForQuestions()}), {@code viewBilingual} glossed the chunks' English views
     * ({@link Bilingual#load()}).
     */
    record Pipelines(KnowledgeBase kb, BgeEmbedder embedder, TermCoverage termCoverage, Bilingual bilingual,
                     Bilingual viewBilingual, DenseEnglishView denseView) {

        /** application.yml's nlp.qa settings with the given cross-lingual weights and decision. */
        static QaProperties settings(double crossWeight, double translatedDenseWeight, double crossMargin,
                                     boolean calibrated) {
            return settings(crossWeight, translatedDenseWeight, SHIPPED_ENGLISH_VIEW_WEIGHT, crossMargin, calibrated);
        }

        static QaProperties settings(double crossWeight, double translatedDenseWeight, double englishViewWeight,
                                     double crossMargin, boolean calibrated) {
            return new QaProperties(0.55, 60, 20, false, 0.3, 0.02, 500, 0.2, true, 0.1, crossWeight,
                    translatedDenseWeight, englishViewWeight, crossMargin, SHIPPED_LANGUAGE_DECISION, SHIPPED_DENSE_VIEW, calibrated,
                    true);
        }

        /** Hybrid retrieval before issue 13: no cross-lingual lists, fixed rules. */
        static QaProperties beforeIssue13() {
            return settings(0, 0, 0, 1, false).withLanguageDecision(null).withDenseView(null).withAnswerTypeCheck(false);
        }

        static QaProperties shipped(boolean calibrated) {
            return settings(SHIPPED_CROSS_WEIGHT, SHIPPED_TRANSLATED_DENSE_WEIGHT, SHIPPED_CROSS_MARGIN, calibrated);
        }

        /** The same pipelines with an empty dense English-view cache (what a freshly started replica has). */
        Pipelines withColdDenseView() {
            return new Pipelines(kb, embedder, termCoverage, bilingual, viewBilingual, denseView.withEmptyCache());
        }

        /** The same pipelines translating questions with the chunks' dictionary (before the documents' glossary). */
        Pipelines withoutDocumentGlossary() {
            return new Pipelines(kb, embedder, termCoverage, viewBilingual, viewBilingual, denseView);
        }

        /** The service with these settings; the learned language switch is the shipped one when they turn it on. */
        QaService service(QaProperties qa, ConfidenceModel model) {
            return service(qa, model, AnswerComposer.DEFAULT_SENTENCE_CACHE);
        }

        QaService service(QaProperties qa, ConfidenceModel model, int sentenceCache) {
            QaProperties.LanguageDecision decision = qa.languageDecision();
            return new QaService(new HybridRetriever(kb.store(), embedder, qa, bilingual,
                    qa.denseView() == null ? null : denseView),
                    new PassageSelector(termCoverage, QaProperties.SELECT_DOCUMENTS, qa.promoteMargin(), qa.crossLingualMargin(),
                            decision, decision != null && decision.learnedSwitch() ? LanguageSwitch.load() : null),
                    new AnswerComposer(embedder, sentenceCache), qa, model);
        }
    }

    static final double SHIPPED_CROSS_WEIGHT = 0.5;
    static final double SHIPPED_TRANSLATED_DENSE_WEIGHT = 1.0;
    static final double SHIPPED_CROSS_MARGIN = 1;
    static final QaProperties.LanguageDecision SHIPPED_LANGUAGE_DECISION =
            new QaProperties.LanguageDecision(0.1, 1.0, 0.3, 0.1, 0.0, 0.4, true);
    /** The language decision of the second issue-13 step (before the dense English view), for the report. */
    static final QaProperties.LanguageDecision SECOND_STEP_LANGUAGE_DECISION =
            new QaProperties.LanguageDecision(-0.1, 0.1, 0.3, 0.1, 0.0, 0.4, false);
    static final double SHIPPED_ENGLISH_VIEW_WEIGHT = 1.0;
    static final QaProperties.DenseView SHIPPED_DENSE_VIEW = new QaProperties.DenseView(true, 4, 10, 20_000);

    /**
     * Per tuning question: the same-language choice and the cross-lingual ranking's first document with their term
     * coverage and cosine (the cross-lingual candidate never promoted), for each candidate fusion of the cross-lingual
     * ranking; the margin rule is then chosen from these rows (written as TSV to stdout).
     */
    private static void tune(Pipelines p) throws Exception {
        ConfidenceModel none = new ConfidenceModel(0, new double[ConfidenceModel.FEATURES.size()], 0.5);
        System.out.println("#\tcross\tdense\tset\tlang\texpected\tsame_doc\tsame_cov\tsame_cos\tcross_doc\tcross_cov"
                + "\tcross_cos\tbm25\tcross_bm25");
        for (double[] w : new double[][] {{1, 0}, {1, 0.5}, {0.5, 1}}) {
            QaService service = p.service(Pipelines.settings(w[0], w[1], 1, false).withLanguageDecision(null)
                    .withDenseView(null), none);
            forEachAssessed(service, (set, o) -> {
                QaService.Assessment a = o.assessment();
                var cross = a.selection().retrieval().crossRanked();
                System.out.printf(Locale.ROOT, "row\t%.1f\t%.1f\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%s\t%.4f\t%.4f\t%.3f\t%.3f%n",
                        w[0], w[1], set, o.question().lang(), o.question().expectedDocId(), o.topDocId(),
                        a.terms().coverage(), a.selection().ranked().get(0).cosine(),
                        cross.isEmpty() ? "-" : cross.get(0).chunk().docId(), a.selection().crossCoverage(),
                        cross.isEmpty() ? 0 : cross.get(0).cosine(), a.selection().retrieval().topBm25(),
                        a.selection().retrieval().topCrossBm25());
            });
        }
    }

    /**
     * Runs the service over every tuning set and hands each question that retrieved something to {@code row}, with
     * its set's name.
     */
    private static void forEachAssessed(QaService service, BiConsumer<String, RetrievalEvaluator.Outcome> row)
            throws Exception {
        for (var e : read(TUNING).entrySet()) {
            for (RetrievalEvaluator.Outcome o : new RetrievalEvaluator(service).run(e.getValue(), RetrievalMode.HYBRID)) {
                if (o.assessment() != null) {
                    row.accept(e.getKey(), o);
                }
            }
        }
    }

    /**
     * Where the cross-lingual questions of the tuning sets are lost, per direction: hit@1 of the final pipeline,
     * the expected document's rank in the cross-lingual ranking and in the same-language ranking, and hit@1 of the
     * monolingual tuning set as a guard (stdout).
     */
    private static void crossLingualDiagnosis(Pipelines p) throws Exception {
        Map<String, List<EvalQuestion>> sets = read(TUNING);
        QaService service = p.service(Pipelines.shipped(true), ConfidenceModel.load());
        for (var e : sets.entrySet()) {
            List<RetrievalEvaluator.Outcome> outcomes = new RetrievalEvaluator(service).run(e.getValue(), RetrievalMode.HYBRID);
            Map<String, int[]> byDirection = new LinkedHashMap<>();
            for (RetrievalEvaluator.Outcome o : outcomes) {
                if (o.assessment() != null && !o.assessment().missingKinds().isEmpty()) {
                    System.out.printf(Locale.ROOT, "answer type missing\t%s\t%s\texpected %s\ttop %s\t%s%n", e.getKey(),
                            o.assessment().missingKinds(), o.question().answerable() ? o.question().expectedDocId() : "-",
                            o.topDocId(), o.question().question());
                }
                if (!o.question().answerable()) {
                    continue;
                }
                String docLang = o.question().expectedDocId().startsWith("zh-") ? "zh" : "en";
                String direction = o.question().lang() + "->" + docLang;
                int[] c = byDirection.computeIfAbsent(direction, d -> new int[6]);
                c[0]++;
                if (o.rank() == 1) {
                    c[1]++;
                }
                if (o.rank() == 1 && o.answered()) {
                    c[2]++;
                }
                int cross = o.assessment() == null ? 0 : docRank(o.assessment().selection().retrieval().crossRanked(),
                        o.question().expectedDocId());
                if (cross == 1) {
                    c[3]++;
                }
                if (cross >= 1 && cross <= 5) {
                    c[4]++;
                }
                if (cross == 0) {
                    c[5]++;
                }
                if (!direction.equals("zh->zh") && !direction.equals("en->en") && o.rank() != 1) {
                    System.out.printf(Locale.ROOT, "miss\t%s\t%s\tcross rank %d\tfinal top %s\tconf %.2f\t%s%n",
                            e.getKey(), o.question().expectedDocId(), cross, o.topDocId(), o.confidence(),
                            o.question().question());
                }
            }
            byDirection.forEach((d, c) -> System.out.printf(Locale.ROOT,
                    "%s\t%s\tn %d\thit@1 %.3f\tanswered right %.3f\tcross hit@1 %.3f\tcross hit@5 %.3f\tcross absent %d%n",
                    e.getKey(), d, c[0], c[1] / (double) c[0], c[2] / (double) c[0], c[3] / (double) c[0],
                    c[4] / (double) c[0], c[5]));
            RetrievalEvaluator.Metrics m = RetrievalEvaluator.metrics(outcomes);
            System.out.printf(Locale.ROOT, "%s\tall\thit@1 %.3f\tno-answer precision %.3f\trecall %.3f\tECE %.3f%n",
                    e.getKey(), m.hit1(), m.noAnswerPrecision(), m.noAnswerRecall(), RetrievalEvaluator.ece(outcomes));
        }
    }

    /**
     * Per tuning question, with the cross-lingual candidate never taken: the same-language choice and the
     * cross-lingual ranking's first document with the signals a language decision can use (TSV to stdout).
     */
    private static void decisionRows(Pipelines p) throws Exception {
        QaService service = p.service(Pipelines.shipped(true).withCrossLingualMargin(1).withLanguageDecision(null), ConfidenceModel.load());
        System.out.println("set\tqlang\texpected\tsame_doc\tcross_doc\tsame_cov\tcross_cov\tsame_cos\tcross_cos"
                + "\tsame_view\tcross_view\tsame_score\tcross_score\tbm25\tcross_bm25\tpromoted\tsame_dense\tcross_dense\tquestion");
        forEachAssessed(service, (set, o) -> {
            QaService.Assessment a = o.assessment();
            HybridRetriever.Retrieval r = a.selection().retrieval();
            HybridRetriever.RankedChunk same = a.selection().ranked().get(0);
            var cross = r.crossRanked();
            String crossDoc = cross.isEmpty() ? "-" : cross.get(0).chunk().docId();
            System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.3f\t%.3f\t%.5f\t%.5f\t%.3f\t%.3f\t%b\t%.4f\t%.4f\t%s%n",
                    set, o.question().lang(), o.question().answerable() ? o.question().expectedDocId() : "-",
                    same.chunk().docId(), crossDoc, a.terms().coverage(),
                    Double.isNaN(a.selection().crossCoverage()) ? 0 : a.selection().crossCoverage(), same.cosine(),
                    cross.isEmpty() ? 0 : cross.get(0).cosine(), r.englishViewScore(same.chunk().docId()),
                    r.englishViewScore(crossDoc), same.score(), cross.isEmpty() ? 0 : cross.get(0).score(),
                    r.topBm25(), r.topCrossBm25(), a.selection().promoted(), r.denseViewScore(same.chunk().docId()),
                    r.denseViewScore(crossDoc), o.question().question());
        });
    }

    /** Documents per ranking in the candidates dump ({@code -Dcandidates.documents}, default 4). */
    static final int CANDIDATE_DOCUMENTS = Integer.getInteger("candidates.documents", 4);

    /**
     * Per tuning question, with the dense English view off in the pipeline (so the cross-lingual ranking keeps its
     * fused order): the first {@link #CANDIDATE_DOCUMENTS} documents of each ranking with their ranks, English-view
     * BM25, dense English-view cosine (best over the document's retrieved chunks) and Chinese-model cosine, as JSON
     * lines on stdout; {@code scripts/choose-cross-rerank.py} reads them to choose the cross-lingual ranking's reorder.
     */
    private static void candidateRows(Pipelines p) throws Exception {
        QaService service = p.service(Pipelines.shipped(true).withCrossLingualMargin(1).withLanguageDecision(null)
                .withDenseView(null), ConfidenceModel.load());
        forEachAssessed(service, (set, o) -> {
            QaService.Assessment a = o.assessment();
            HybridRetriever.Retrieval r = a.selection().retrieval();
            String q = o.question().question();
            float[] qv = p.denseView().question(q);
            List<String> sameDocs = a.selection().ranked().stream().map(c -> c.chunk().docId()).distinct()
                    .limit(CANDIDATE_DOCUMENTS).toList();
            List<String> crossDocs = r.crossRanked().stream().map(c -> c.chunk().docId()).distinct()
                    .limit(CANDIDATE_DOCUMENTS).toList();
            List<String> docs = new ArrayList<>(sameDocs);
            crossDocs.stream().filter(d -> !docs.contains(d)).forEach(docs::add);
            List<String> cands = new ArrayList<>();
            for (String d : docs) {
                List<HybridRetriever.RankedChunk> chunks = new ArrayList<>();
                a.selection().ranked().stream().filter(c -> c.chunk().docId().equals(d)).forEach(chunks::add);
                r.crossRanked().stream().filter(c -> c.chunk().docId().equals(d)).forEach(chunks::add);
                double dense = p.denseView().best(qv, chunks.stream().map(HybridRetriever.RankedChunk::chunk).toList());
                double zhCos = chunks.stream().mapToDouble(HybridRetriever.RankedChunk::cosine).max().orElse(-1);
                cands.add(String.format(Locale.ROOT, "{\"doc\":\"%s\",\"same_rank\":%d,\"cross_rank\":%d,"
                                + "\"view\":%.4f,\"dense\":%.4f,\"zh_cos\":%.4f}", d, sameDocs.indexOf(d) + 1,
                        crossDocs.indexOf(d) + 1, r.englishViewScore(d), dense, zhCos));
            }
            System.out.printf(Locale.ROOT, "{\"set\":\"%s\",\"qlang\":\"%s\",\"expected\":\"%s\","
                            + "\"cands\":[%s],\"q\":\"%s\"}%n", set, o.question().lang(),
                    o.question().answerable() ? o.question().expectedDocId() : "-", String.join(",", cands),
                    q.replace("\\", "/").replace("\"", "'"));
        });
    }

    private static int docRank(List<HybridRetriever.RankedChunk> ranked, String docId) {
        List<String> docs = ranked.stream().map(r -> r.chunk().docId()).distinct().toList();
        return docs.indexOf(docId) + 1;
    }

    private static void fit(Pipelines p, Path out) throws Exception {
        Map<String, List<EvalQuestion>> sets = read(TUNING);
        ConfidenceModel none = new ConfidenceModel(0, new double[ConfidenceModel.FEATURES.size()], 0.5);
        QaService service = p.service(Pipelines.shipped(true), none);
        List<RetrievalEvaluator.Outcome> pool = new ArrayList<>();
        Map<String, List<RetrievalEvaluator.Outcome>> bySet = new LinkedHashMap<>();
        for (var e : sets.entrySet()) {
            List<RetrievalEvaluator.Outcome> outcomes = new RetrievalEvaluator(service).run(e.getValue(), RetrievalMode.HYBRID);
            bySet.put(e.getKey(), outcomes);
            pool.addAll(outcomes);
        }
        System.out.println("leave one set out: " + outOfFold(bySet));
        List<RetrievalEvaluator.Outcome> usable = pool.stream().filter(o -> o.assessment() != null
                && o.assessment().terms().unknownNames().isEmpty()).toList();
        double[][] x = usable.stream().map(o -> o.assessment().features().vector()).toArray(double[][]::new);
        int[] y = usable.stream().mapToInt(o -> o.correct() ? 1 : 0).toArray();
        double lambda = 1.0;
        double[] beta = LogisticFit.fit(x, y, lambda);
        double[] w = Arrays.copyOfRange(beta, 1, beta.length);
        // threshold: the best F1 of the refusals (harmonic mean of no-answer precision and recall) over the pool
        // (unknown names refused regardless); ties to the lower threshold
        double bestT = 0.5;
        double bestScore = -1;
        for (int i = 5; i <= 95; i++) {
            double t = i / 100.0;
            ConfidenceModel m = new ConfidenceModel(beta[0], w, t);
            RetrievalEvaluator.Metrics metrics = RetrievalEvaluator.metrics(pool, o -> o.assessment() == null
                    || !o.assessment().terms().unknownNames().isEmpty()
                    || m.probability(o.assessment().features()) < t);
            double p1 = metrics.noAnswerPrecision();
            double r1 = metrics.noAnswerRecall();
            double score = p1 + r1 == 0 ? 0 : 2 * p1 * r1 / (p1 + r1);
            System.out.printf(Locale.ROOT, "threshold %.2f: no-answer precision %.3f recall %.3f F1 %.3f, answered "
                    + "with right doc %.3f%n", t, p1, r1, score, metrics.answeredCorrectly());
            if (score > bestScore + 1e-12) {
                bestScore = score;
                bestT = t;
            }
        }
        ConfidenceModel model = new ConfidenceModel(beta[0], w, bestT);
        StringBuilder sb = new StringBuilder();
        sb.append("# Calibrated confidence of nlp-qa-service (dev.aigc.nlp.qa.ConfidenceModel): logistic regression of\n")
                .append("# P(answer comes from the expected document) over the features below, written by\n")
                .append("# `nlp-qa-service/scripts/evaluate.sh fit` (dev.aigc.nlp.eval.EvaluationCommand fit).\n")
                .append("# Fitted on the TUNING sets only: ").append(String.join(", ", sets.keySet())).append(";\n")
                .append(String.format(Locale.ROOT, "# %d questions (%d answered from the expected document), those with "
                        + "an unknown name left out (refused regardless);%n", usable.size(), Arrays.stream(y).sum()))
                .append(String.format(Locale.ROOT, "# Newton's method on standardised features, L2 penalty %.1f, "
                        + "weights converted back to raw features.%n", lambda))
                .append("# threshold: refuse below it; the value with the best F1 of the refusals (no-answer precision and\n")
                .append("# recall) on the same questions (grid 0.05..0.95).\n")
                .append(String.format(Locale.ROOT, "intercept=%.6f%n", beta[0]));
        for (int j = 0; j < w.length; j++) {
            sb.append(String.format(Locale.ROOT, "weight.%s=%.6f%n", ConfidenceModel.FEATURES.get(j), w[j]));
        }
        sb.append(String.format(Locale.ROOT, "threshold=%.2f%n", bestT));
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        System.out.println(model);
        System.out.println("wrote " + out);
    }

    /**
     * The refusal figures when each set's confidence comes from a model fitted, and a threshold chosen (best F1 of the
     * refusals), on the other sets only: an estimate of how the fit generalises.
     */
    private static String outOfFold(Map<String, List<RetrievalEvaluator.Outcome>> bySet) {
        List<RetrievalEvaluator.Outcome> pooled = new ArrayList<>();
        Map<RetrievalEvaluator.Outcome, Double> confidence = new java.util.IdentityHashMap<>();
        for (String held : bySet.keySet()) {
            List<RetrievalEvaluator.Outcome> train = new ArrayList<>();
            bySet.forEach((set, outcomes) -> {
                if (!set.equals(held)) {
                    train.addAll(outcomes);
                }
            });
            List<RetrievalEvaluator.Outcome> rows = train.stream().filter(o -> o.assessment() != null
                    && o.assessment().terms().unknownNames().isEmpty()).toList();
            double[][] x = rows.stream().map(o -> o.assessment().features().vector()).toArray(double[][]::new);
            int[] y = rows.stream().mapToInt(o -> o.correct() ? 1 : 0).toArray();
            double[] beta = LogisticFit.fit(x, y, 1.0);
            java.util.function.ToDoubleFunction<RetrievalEvaluator.Outcome> prob = o -> o.assessment() == null
                    || !o.assessment().terms().unknownNames().isEmpty() ? 0
                    : LogisticFit.sigmoid(beta[0] + dotTail(beta, o.assessment().features().vector()));
            double bestT = 0.5;
            double bestScore = -1;
            for (int i = 5; i <= 95; i++) {
                double t = i / 100.0;
                RetrievalEvaluator.Metrics m = RetrievalEvaluator.metrics(train, o -> prob.applyAsDouble(o) < t);
                double f1 = m.noAnswerPrecision() + m.noAnswerRecall() == 0 ? 0
                        : 2 * m.noAnswerPrecision() * m.noAnswerRecall() / (m.noAnswerPrecision() + m.noAnswerRecall());
                if (f1 > bestScore + 1e-12) {
                    bestScore = f1;
                    bestT = t;
                }
            }
            double threshold = bestT;
            for (RetrievalEvaluator.Outcome o : bySet.get(held)) {
                confidence.put(o, prob.applyAsDouble(o));
                if (prob.applyAsDouble(o) < threshold) {
                    confidence.put(o, -prob.applyAsDouble(o) - 1e-9); // refused: the sign marks it
                }
                pooled.add(o);
            }
        }
        RetrievalEvaluator.Metrics m = RetrievalEvaluator.metrics(pooled, o -> confidence.get(o) < 0);
        // the sign marks a refusal; the calibration reads the probability itself
        java.util.function.ToDoubleFunction<RetrievalEvaluator.Outcome> probability = o -> Math.abs(confidence.get(o));
        long wrongConfident = pooled.stream().filter(o -> o.question().answerable() && !o.correct()
                && confidence.get(o) >= 0.8).count();
        List<RetrievalEvaluator.Outcome> monolingual = pooled.stream().filter(o -> !o.question().answerable()
                || o.question().expectedDocId().startsWith(o.question().lang() + "-")).toList();
        return String.format(Locale.ROOT, "no-answer precision %.3f, recall %.3f, answered with right doc %.3f, "
                + "wrong doc >= 0.8: %d, ECE %.3f (monolingual and unanswerable questions only %.3f)",
                m.noAnswerPrecision(), m.noAnswerRecall(), m.answeredCorrectly(), wrongConfident,
                RetrievalEvaluator.ece(pooled, probability), RetrievalEvaluator.ece(monolingual, probability));
    }

    private static double dotTail(double[] beta, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += beta[i + 1] * x[i];
        }
        return s;
    }

    /** Candidate thresholds of the learned language switch. */
    static final double[] SWITCH_THRESHOLDS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

    /** One answerable tuning question as the language switch sees it. */
    private record SwitchRow(String set, boolean chinese, boolean crossLingual, boolean sameRight, boolean crossRight,
                             boolean byRule, LanguageSwitch.Signals signals) {

        /** Whether exactly one of the two pages is the expected one (a row the regression learns from). */
        boolean decisive() {
            return sameRight != crossRight;
        }
    }

    /**
     * Fits the learned language switch ({@link LanguageSwitch}) on the tuning sets and writes
     * {@code qa/language-switch.properties}. Per question language: a logistic regression ({@link LogisticFit}, L2
     * penalty 1) of "the cross-lingual ranking's first page is the expected one" over both pages' signals, learned
     * from the answerable questions whose expected page is exactly one of the two. The threshold is chosen leave one
     * set out: each tuning set's questions are scored by the model fitted on the other sets, the cross-lingual page
     * answers when the shipped rule or that score says so, and among the thresholds that lose at most one
     * monolingual question against the rule alone, the one with the most questions answered from the expected page
     * wins (ties: the higher threshold). The shipped model is then fitted on all the tuning sets.
     */
    private static void fitSwitch(Pipelines p, Path out) throws Exception {
        QaProperties shipped = Pipelines.shipped(true);
        QaProperties.LanguageDecision rule = shipped.languageDecision();
        QaService service = p.service(shipped.withCrossLingualMargin(1).withLanguageDecision(null), ConfidenceModel.load());
        List<SwitchRow> rows = new ArrayList<>();
        forEachAssessed(service, (set, o) -> {
            HybridRetriever.Retrieval r = o.assessment().selection().retrieval();
            if (!o.question().answerable() || r.crossRanked().isEmpty()) {
                return;
            }
            QaService.Assessment a = o.assessment();
            HybridRetriever.RankedChunk same = a.selection().ranked().get(0);
            String expected = o.question().expectedDocId();
            boolean chinese = Languages.ZH.equals(Languages.detect(o.question().question()));
            LanguageSwitch.Signals s = LanguageSwitch.Signals.of(r, same, a.terms().coverage(),
                    a.selection().crossCoverage());
            boolean crossLingual = !expected.startsWith(o.question().lang() + "-");
            rows.add(new SwitchRow(set, chinese, crossLingual, same.chunk().docId().equals(expected),
                    r.crossRanked().get(0).chunk().docId().equals(expected),
                    rule.prefersCross(chinese, s.sameView(), s.crossView(), s.sameCoverage(), s.crossCoverage()), s));
        });
        double lambda = 1.0;
        StringBuilder props = new StringBuilder();
        props.append("# Learned language switch of nlp-qa-service (dev.aigc.nlp.qa.LanguageSwitch): per question language, a\n")
                .append("# logistic regression of P(the cross-lingual ranking's first page is the expected one) over both\n")
                .append("# pages' signals, written by `nlp-qa-service/scripts/evaluate.sh fit-switch`.\n")
                .append("# Fitted on the TUNING sets only: ").append(String.join(", ", TUNING.keySet())).append(";\n")
                .append(String.format(Locale.ROOT, "# Newton's method on standardised features, L2 penalty %.1f, weights in "
                        + "raw features.%n", lambda))
                .append("# threshold: chosen leave one set out (the cross-lingual page answers when the rule or the model\n")
                .append("# says so; the most questions answered from the expected page among the thresholds that lose at\n")
                .append("# most one monolingual question against the rule alone; ties to the higher threshold;\n")
                .append("# 1.00 = off for that language, when no threshold qualifies).\n");
        for (boolean chinese : new boolean[] {false, true}) {
            String lang = chinese ? "zh" : "en";
            List<SwitchRow> own = rows.stream().filter(r -> r.chinese() == chinese).toList();
            double[] outOfFold = new double[own.size()];
            for (String set : TUNING.keySet()) {
                double[] beta = fitSwitchSide(own.stream().filter(r -> !r.set().equals(set) && r.decisive()).toList(),
                        lambda);
                for (int i = 0; i < own.size(); i++) {
                    if (own.get(i).set().equals(set)) {
                        outOfFold[i] = side(beta, 0.5).probability(own.get(i).signals());
                    }
                }
            }
            int[] ruleOnly = switchHits(own, outOfFold, Double.POSITIVE_INFINITY);
            System.out.printf(Locale.ROOT, "%s questions: %d answerable with a cross-lingual page (%d monolingual, %d "
                            + "cross-lingual), %d decisive; rule alone: monolingual %d, cross-lingual %d%n", lang,
                    own.size(), own.stream().filter(r -> !r.crossLingual()).count(),
                    own.stream().filter(SwitchRow::crossLingual).count(), own.stream().filter(SwitchRow::decisive).count(),
                    ruleOnly[0], ruleOnly[1]);
            double best = Double.NaN;
            int bestTotal = -1;
            for (double t : SWITCH_THRESHOLDS) {
                int[] hits = switchHits(own, outOfFold, t);
                boolean eligible = hits[0] >= ruleOnly[0] - 1;
                System.out.printf(Locale.ROOT, "  threshold %.2f (out of fold): monolingual %d, cross-lingual %d, "
                        + "total %d%s%n", t, hits[0], hits[1], hits[0] + hits[1], eligible ? "" : " (loses monolingual)");
                if (eligible && hits[0] + hits[1] >= bestTotal) {
                    bestTotal = hits[0] + hits[1];
                    best = t;
                }
            }
            if (Double.isNaN(best)) {
                // no threshold keeps the monolingual loss within one question: the switch stays off for this language
                System.out.println("  no eligible threshold: " + lang + " switch off (threshold 1.00, never reached)");
                best = 1.0;
            }
            double[] beta = fitSwitchSide(own.stream().filter(SwitchRow::decisive).toList(), lambda);
            LanguageSwitch.Side side = side(beta, best);
            System.out.println(lang + ": " + side);
            props.append(String.format(Locale.ROOT, "%s.intercept=%.6f%n", lang, beta[0]));
            for (int j = 0; j < LanguageSwitch.FEATURES.size(); j++) {
                props.append(String.format(Locale.ROOT, "%s.weight.%s=%.6f%n", lang, LanguageSwitch.FEATURES.get(j),
                        beta[j + 1]));
            }
            props.append(String.format(Locale.ROOT, "%s.threshold=%.2f%n", lang, best));
        }
        Files.writeString(out, props.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private static double[] fitSwitchSide(List<SwitchRow> rows, double lambda) {
        double[][] x = rows.stream().map(r -> r.signals().vector()).toArray(double[][]::new);
        int[] y = rows.stream().mapToInt(r -> r.crossRight() ? 1 : 0).toArray();
        return LogisticFit.fit(x, y, lambda);
    }

    private static LanguageSwitch.Side side(double[] beta, double threshold) {
        return new LanguageSwitch.Side(beta[0], Arrays.copyOfRange(beta, 1, beta.length), threshold);
    }

    /** {monolingual, cross-lingual} questions answered from the expected page when rule or score ≥ threshold switch. */
    private static int[] switchHits(List<SwitchRow> rows, double[] score, double threshold) {
        int[] hits = new int[2];
        for (int i = 0; i < rows.size(); i++) {
            SwitchRow r = rows.get(i);
            boolean right = r.byRule() || score[i] >= threshold ? r.crossRight() : r.sameRight();
            if (right) {
                hits[r.crossLingual() ? 1 : 0]++;
            }
        }
        return hits;
    }

    private static void report(Pipelines p, Path docs) throws Exception {
        Map<String, List<EvalQuestion>> tuning = read(TUNING);
        Map<String, List<EvalQuestion>> held = read(HELD_OUT);
        ConfidenceModel model = ConfidenceModel.load();
        QaService fin = p.service(Pipelines.shipped(true), model);
        // the earlier steps translated questions without the documents' glossary (the seventh step)
        Pipelines earlier = p.withoutDocumentGlossary();
        QaService before = earlier.service(Pipelines.beforeIssue13(), model);
        QaService dictionaryOnly = earlier.service(Pipelines.settings(SHIPPED_CROSS_WEIGHT, SHIPPED_TRANSLATED_DENSE_WEIGHT,
                0, 0.2, true).withLanguageDecision(null).withDenseView(null).withAnswerTypeCheck(false), model);
        QaService secondStep = earlier.service(Pipelines.shipped(true).withLanguageDecision(SECOND_STEP_LANGUAGE_DECISION)
                .withDenseView(null).withAnswerTypeCheck(false), model);
        QaService fourthStep = earlier.service(Pipelines.shipped(true)
                .withLanguageDecision(SHIPPED_LANGUAGE_DECISION.withLearnedSwitch(false)).withAnswerTypeCheck(false), model);
        QaService fifthStep = earlier.service(Pipelines.shipped(true).withAnswerTypeCheck(false), model);
        QaService sixthStep = earlier.service(Pipelines.shipped(true), model);
        Map<String, Runner> pipelines = new LinkedHashMap<>();
        pipelines.put("bm25 only", qs -> new RetrievalEvaluator(fin).run(qs, RetrievalMode.BM25));
        pipelines.put("dense only", qs -> new RetrievalEvaluator(fin).run(qs, RetrievalMode.DENSE));
        pipelines.put("hybrid before (no cross-lingual lists, fixed rules)",
                qs -> new RetrievalEvaluator(before).run(qs, RetrievalMode.HYBRID));
        pipelines.put("query translation + coverage margin 0.20 (the first issue-13 step), calibrated",
                qs -> new RetrievalEvaluator(dictionaryOnly).run(qs, RetrievalMode.HYBRID));
        pipelines.put("English view + language decision (the second issue-13 step; hit@1 comparable, confidence from "
                + "the final model without its dense features)",
                qs -> new RetrievalEvaluator(secondStep).run(qs, RetrievalMode.HYBRID));
        pipelines.put("dense English view + the rule alone (the fourth issue-13 step; hit@1 comparable, confidence "
                + "from the final model)", qs -> new RetrievalEvaluator(fourthStep).run(qs, RetrievalMode.HYBRID));
        pipelines.put("learned language switch, no answer-type check (the fifth issue-13 step)",
                qs -> new RetrievalEvaluator(fifthStep).run(qs, RetrievalMode.HYBRID));
        pipelines.put("answer-type check, questions translated without the documents' glossary (the sixth issue-13 step)",
                qs -> new RetrievalEvaluator(sixthStep).run(qs, RetrievalMode.HYBRID));
        pipelines.put("**final** (hybrid + cross-lingual ranking with the English view reordered by the dense English "
                + "view, language decision: rule or learned switch, calibrated, answer-type check, questions translated with "
                + "the documents' glossary)",
                qs -> new RetrievalEvaluator(fin).run(qs, RetrievalMode.HYBRID));
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Knowledge base: %d documents. Confidence model: %s.%n%n", p.kb().count(), model));
        md.append("Sets: ");
        tuning.forEach((k, v) -> md.append(k).append(" (").append(describe(v)).append("; tuning/fit), "));
        held.forEach((k, v) -> md.append(k).append(" (").append(describe(v)).append("; never tuned on), "));
        md.setLength(md.length() - 2);
        md.append(".\n\n| pipeline | set | hit@1 | hit@5 | MRR | no-answer precision | no-answer recall | answered "
                + "with right doc | wrong doc ≥ 0.8 (of answerable) | unanswerable answered ≥ 0.8 | ECE | ms/question |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<RetrievalEvaluator.Outcome>> finalOutcomes = new LinkedHashMap<>();
        for (var pipe : pipelines.entrySet()) {
            List<RetrievalEvaluator.Outcome> tuningPool = new ArrayList<>();
            List<RetrievalEvaluator.Outcome> cleanPool = new ArrayList<>();
            Map<String, List<EvalQuestion>> all = new LinkedHashMap<>(tuning);
            all.putAll(held);
            for (var set : all.entrySet()) {
                List<RetrievalEvaluator.Outcome> o = pipe.getValue().run(set.getValue());
                md.append(row(pipe.getKey(), set.getKey(), o));
                if (tuning.containsKey(set.getKey())) {
                    tuningPool.addAll(o);
                }
                if (set.getKey().equals("held-out v4") || set.getKey().equals("held-out v5")) {
                    cleanPool.addAll(o);
                }
                if (pipe.getKey().startsWith("**final")) {
                    finalOutcomes.put(set.getKey(), o);
                }
            }
            md.append(row(pipe.getKey(), "tuning sets pooled", tuningPool));
            md.append(row(pipe.getKey(), "**v4 + v5 pooled**", cleanPool));
            if (pipe.getKey().startsWith("**final")) {
                finalOutcomes.put("tuning sets pooled (the fit's data)", tuningPool);
                finalOutcomes.put("v4 + v5 pooled", cleanPool);
            }
        }
        for (String set : List.of("tuning sets pooled (the fit's data)", "v4 + v5 pooled", "cross-lingual held-out v7",
                "cross-lingual held-out v8")) {
            if (finalOutcomes.containsKey(set)) {
                md.append(reliability("Final pipeline, " + set, finalOutcomes.get(set)));
            }
        }
        md.append(latency(p, before, earlier.service(Pipelines.beforeIssue13(), model, 0), model,
                held.getOrDefault("held-out v4", List.of())));
        for (var e : finalOutcomes.entrySet()) {
            if (held.containsKey(e.getKey())) {
                md.append("\nFinal pipeline, ").append(e.getKey()).append(": wrong documents and wrong decisions:\n\n")
                        .append(problems(e.getValue()));
            }
        }
        md.append(sentiment(p.embedder(), EVAL.resolve("sentiment-eval.tsv")));
        System.out.println(md);
        writeSection(docs, md.toString());
    }

    interface Runner {
        List<RetrievalEvaluator.Outcome> run(List<EvalQuestion> questions);
    }

    private static String row(String pipeline, String set, List<RetrievalEvaluator.Outcome> o) {
        RetrievalEvaluator.Metrics m = RetrievalEvaluator.metrics(o);
        double ms = o.stream().mapToDouble(RetrievalEvaluator.Outcome::ms).average().orElse(0);
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d (%.3f) | %d | %.3f | %.0f |%n",
                pipeline, set, m.hit1(), m.hit5(), m.mrr(), m.noAnswerPrecision(), m.noAnswerRecall(),
                m.answeredCorrectly(), m.confidentWrong(), m.confidentWrongShare(), m.confidentUnanswerable(), m.ece(), ms);
    }

    private static String reliability(String title, List<RetrievalEvaluator.Outcome> o) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%n%s: reliability (all %d questions; "
                + "correct = answerable and answered from the expected document), ECE %.3f%n%n"
                + "| confidence | questions | mean confidence | share correct |%n|---|---|---|---|%n", title, o.size(),
                RetrievalEvaluator.ece(o)));
        for (RetrievalEvaluator.Bin b : RetrievalEvaluator.reliability(o)) {
            sb.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %s | %s |%n", b.from(), b.to(), b.count(),
                    b.count() == 0 ? "–" : String.format(Locale.ROOT, "%.3f", b.meanConfidence()),
                    b.count() == 0 ? "–" : String.format(Locale.ROOT, "%.3f", b.shareCorrect())));
        }
        return sb.toString();
    }

    /**
     * p50 / p90 of {@link QaService#ask} (answer composed, topK 3) over the questions, after a warm-up; and of the
     * final pipeline with an empty dense English-view cache, without a warm-up (each chunk's view embedded on first use).
     */
    /**
     * p50 / p90 of {@code ask} for the pipeline before issue 13 and the final one, each as shipped and embedding the
     * answer's sentences at every question (no sentence cache), each after a warm-up pass over the same questions, and
     * the final one on a fresh service (dense English-view and sentence caches empty, no warm-up).
     */
    private static String latency(Pipelines p, QaService before, QaService uncachedBefore, ConfidenceModel model,
                                  List<EvalQuestion> questions) {
        if (questions.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%n/ask latency in-process (answer composed, "
                + "topK 3, %d questions of held-out v4, one thread, after a warm-up pass over the same questions; load average %.1f):%n%n",
                questions.size(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Map<String, QaService> warm = new LinkedHashMap<>();
        warm.put("before", before);
        warm.put("final", p.service(Pipelines.shipped(true), model));
        warm.put("before, answer sentences embedded at every question (no sentence cache)", uncachedBefore);
        warm.put("final, no sentence cache", p.service(Pipelines.shipped(true), model, 0));
        for (var e : warm.entrySet()) {
            QaService s = e.getValue();
            questions.forEach(q -> s.ask(new AskRequest(q.question(), 3, null)));
            double[] ms = askMillis(s, questions);
            sb.append(String.format(Locale.ROOT, "- %s: p50 %.0f ms, p90 %.0f ms%n", e.getKey(), ms[ms.length / 2],
                    ms[(int) (ms.length * 0.9)]));
        }
        double[] cold = askMillis(p.withColdDenseView().service(Pipelines.shipped(true), model), questions);
        sb.append(String.format(Locale.ROOT, "- final, fresh service: dense English-view and sentence caches empty at the"
                + " first question (no warm-up): p50 %.0f ms, p90 %.0f ms, max %.0f ms%n", cold[cold.length / 2],
                cold[(int) (cold.length * 0.9)], cold[cold.length - 1]));
        return sb.toString();
    }

    /** The time of one {@code ask} per question, in milliseconds, sorted. */
    private static double[] askMillis(QaService s, List<EvalQuestion> questions) {
        return questions.stream().mapToDouble(q -> {
            long t = System.nanoTime();
            s.ask(new AskRequest(q.question(), 3, null));
            return (System.nanoTime() - t) / 1e6;
        }).sorted().toArray();
    }

    private static String problems(List<RetrievalEvaluator.Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        for (RetrievalEvaluator.Outcome o : outcomes) {
            EvalQuestion q = o.question();
            String what = String.format(Locale.ROOT, "(confidence %.2f, coverage %.2f%s, top `%s`)", o.confidence(),
                    o.assessment() == null ? 0 : o.assessment().terms().coverage(),
                    o.assessment() == null || o.assessment().terms().unknownNames().isEmpty() ? ""
                            : ", unknown names " + o.assessment().terms().unknownNames(), o.topDocId());
            if (q.answerable() && o.rank() != 1) {
                lines.add(String.format(Locale.ROOT, "- `%s` expected `%s`, rank %d, %s %s", q.question(),
                        q.expectedDocId(), o.rank(), o.answered() ? "answered" : "refused", what));
            } else if (q.answerable() && !o.answered()) {
                lines.add(String.format(Locale.ROOT, "- `%s` refused although answerable %s", q.question(), what));
            } else if (!q.answerable() && o.answered()) {
                lines.add(String.format(Locale.ROOT, "- `%s` answered although unanswerable %s", q.question(), what));
            }
        }
        return lines.isEmpty() ? "- none\n" : String.join("\n", lines) + "\n";
    }

    private static String describe(List<EvalQuestion> qs) {
        long answerable = qs.stream().filter(EvalQuestion::answerable).count();
        return String.format(Locale.ROOT, "%d answerable, %d unanswerable", answerable, qs.size() - answerable);
    }

    static Map<String, List<EvalQuestion>> read(Map<String, String> files) throws Exception {
        Map<String, List<EvalQuestion>> out = new LinkedHashMap<>();
        for (var e : files.entrySet()) {
            Path f = EVAL.resolve(e.getValue());
            if (Files.exists(f)) {
                out.put(e.getKey(), EvalQuestion.read(f));
            }
        }
        return out;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
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
        writeSection(docs, "eval", section);
    }

    /** Replaces the block between {@code <!-- marker:start -->} and {@code <!-- marker:end -->} (appended if none). */
    static void writeSection(Path docs, String marker, String section) throws Exception {
        String start = "<!-- " + marker + ":start -->";
        String end = "<!-- " + marker + ":end -->";
        String content = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
        int a = content.indexOf(start);
        int b = content.indexOf(end);
        String block = start + "\n" + section + end;
        content = a >= 0 && b > a ? content.substring(0, a) + block + content.substring(b + end.length())
                : content + "\n" + block + "\n";
        Files.writeString(docs, content, StandardCharsets.UTF_8);
        System.out.println("updated " + docs);
    }
}
