package dev.aigc.nlp.qa;

import dev.aigc.nlp.kb.Languages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Question → retrieval (BM25 + dense, and the cross-lingual ranking of the question's translation, see
 * {@link HybridRetriever}) → choice of the answering document ({@link PassageSelector}) → term check
 * ({@link TermCoverage}) → calibrated confidence ({@link ConfidenceModel}) → answer-type check ({@link AnswerType}:
 * a question asking for a year or a number is refused when the sentences composed to answer it hold none, with
 * {@code nlp.qa.answer-type-check}) → extractive answer composed from up to
 * three sentences of the answering document's passages (and of the next document's best passage when one of its
 * sentences scores as well), each followed by the [n] marker of its document in the citations.
 *
 * <p>With {@code nlp.qa.calibrated} (the default) the service answers when the calibrated probability that the
 * answer comes from the right document reaches the model's threshold and the question names nothing the base never
 * mentions; otherwise with the fixed rules of before (relevance ≥ {@code min-similarity} and the term check).
 * A refusal says so ({@code answered=false}) with no answer.
 */
public class QaService {

    /** Width of the logistic that turns similarity minus threshold into a confidence. */
    static final double CONFIDENCE_SCALE = 0.04;
    /** Width of the logistic that turns term coverage minus its threshold into a confidence. */
    static final double COVERAGE_SCALE = 0.05;

    private final HybridRetriever retriever;
    private final PassageSelector selector;
    private final AnswerComposer composer;
    private final QaProperties properties;
    private final ConfidenceModel confidenceModel;

    public QaService(HybridRetriever retriever, PassageSelector selector, AnswerComposer composer,
                     QaProperties properties) {
        this(retriever, selector, composer, properties, ConfidenceModel.load());
    }

    public QaService(HybridRetriever retriever, PassageSelector selector, AnswerComposer composer,
                     QaProperties properties, ConfidenceModel confidenceModel) {
        this.retriever = retriever;
        this.selector = selector;
        this.composer = composer;
        this.properties = properties;
        this.confidenceModel = confidenceModel;
    }

    public AskResponse ask(AskRequest request) {
        String question = request.question().strip();
        RetrievalMode mode = request.modeOrDefault();
        Assessment a = assess(question, mode);
        if (a == null) {
            return new AskResponse(question, false, null, 0, 0, 0, List.of(), List.of(), mode.name().toLowerCase(),
                    List.of());
        }
        List<HybridRetriever.RankedChunk> ranked = a.selection().ranked();
        int topK = request.topKOrDefault();
        List<HybridRetriever.RankedChunk> passages = new ArrayList<>(a.selection().passages());
        if (topK > 1) {
            secondDocumentPassage(ranked).ifPresent(passages::add);
        }
        String answer = null;
        List<AnswerComposer.ScoredSentence> sentences = List.of();
        List<AskResponse.Citation> citations = citations(ranked, passages, List.of(), topK);
        if (a.answered()) {
            sentences = compose(question, a, passages);
            citations = citations(ranked, passages, sentences, topK);
            answer = AnswerComposer.join(sentences, markers(sentences, passages, citations));
        }
        List<String> unknown = properties.refuseUnknownNames() ? a.terms().unknownNames() : List.of();
        List<String> missingKinds = a.missingKinds().stream().map(k -> k.name().toLowerCase()).toList();
        return new AskResponse(question, a.answered(), answer, round(a.confidence()), round(ranked.get(0).cosine()),
                round(a.terms().coverage()), unknown, missingKinds, mode.name().toLowerCase(), citations);
    }

    /** The answer's sentences from the passages (the answering document's first), scored with the translation too. */
    private List<AnswerComposer.ScoredSentence> compose(String question, Assessment a,
                                                        List<HybridRetriever.RankedChunk> passages) {
        Set<String> translated = new LinkedHashSet<>();
        a.selection().retrieval().translation().forEach(u -> translated.addAll(u.translations()));
        return composer.select(question, String.join(" ", translated), a.queryVector(), passages,
                a.selection().passages().size());
    }

    /**
     * Retrieval, document choice, term check, features and the answer / refuse decision, without composing the
     * answer (what the evaluation measures); null when nothing was retrieved.
     */
    public Assessment assess(String question, RetrievalMode mode) {
        float[] q = retriever.embedQuestion(question);
        HybridRetriever.Retrieval retrieved = retriever.retrieve(question, q, mode);
        if (retrieved.ranked().isEmpty()) {
            return null;
        }
        PassageSelector.Selection selection = selector.select(question, retrieved);
        double relevance = selection.retrieval().relevance(properties.lexicalWeight());
        TermCoverage.Result terms = selection.terms();
        ConfidenceModel.Features features = features(question, selection);
        boolean unknownName = properties.refuseUnknownNames() && !terms.unknownNames().isEmpty();
        double confidence;
        boolean answered;
        if (properties.calibrated()) {
            confidence = unknownName ? 0 : confidenceModel.probability(features);
            answered = !unknownName && confidence >= confidenceModel.threshold();
        } else {
            confidence = confidence(relevance, terms);
            answered = relevance >= properties.minSimilarity()
                    && terms.passes(properties.minTermCoverage(), properties.refuseUnknownNames());
        }
        Set<AnswerType.Kind> missing = Set.of();
        Set<AnswerType.Kind> kinds = AnswerType.expected(question);
        if (answered && properties.answerTypeCheck() && !kinds.isEmpty()) {
            Assessment provisional = new Assessment(selection, q, relevance, terms, features, confidence, true, Set.of());
            missing = AnswerType.missing(kinds, compose(question, provisional, selection.passages()).stream()
                    .map(AnswerComposer.ScoredSentence::text).toList());
            if (!missing.isEmpty()) {
                answered = false;
                confidence = 0;
            }
        }
        return new Assessment(selection, q, relevance, terms, features, confidence, answered, missing);
    }

    static ConfidenceModel.Features features(String question, PassageSelector.Selection selection) {
        List<HybridRetriever.RankedChunk> ranked = selection.ranked();
        HybridRetriever.RankedChunk top = ranked.get(0);
        double second = ranked.stream().filter(r -> !r.chunk().docId().equals(top.chunk().docId()))
                .mapToDouble(HybridRetriever.RankedChunk::score).findFirst().orElse(0);
        double best = ranked.stream().filter(r -> r.chunk().docId().equals(top.chunk().docId()))
                .mapToDouble(HybridRetriever.RankedChunk::score).max().orElse(0);
        double margin = best <= 0 ? 0 : (best - second) / best;
        String lang = Languages.detect(question);
        HybridRetriever.Retrieval r = selection.retrieval();
        double view = r.englishViewScore(top.chunk().docId());
        double otherView = r.englishView().entrySet().stream().filter(e -> !e.getKey().equals(top.chunk().docId()))
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        double dense = r.denseViewScore(top.chunk().docId());
        double otherDense = r.denseView().entrySet().stream().filter(e -> !e.getKey().equals(top.chunk().docId()))
                .mapToDouble(Map.Entry::getValue).max().orElse(dense);
        return new ConfidenceModel.Features(top.cosine(), r.topBm25(), r.topCrossBm25(), selection.terms().coverage(),
                !lang.equals(top.chunk().lang()), Languages.ZH.equals(lang), margin, selection.promoted(), view,
                Math.log1p(view) - Math.log1p(otherView), dense, dense - otherDense);
    }

    /**
     * The best passage of the next document in the ranking that is in the answering document's language (a candidate
     * for a composed answer; the answer stays in the language of the passages it quotes).
     */
    private static Optional<HybridRetriever.RankedChunk> secondDocumentPassage(List<HybridRetriever.RankedChunk> ranked) {
        HybridRetriever.RankedChunk first = ranked.get(0);
        return ranked.stream().limit(PassageSelector.PASSAGE_WINDOW)
                .filter(r -> !r.chunk().docId().equals(first.chunk().docId())
                        && r.chunk().lang().equals(first.chunk().lang()))
                .findFirst();
    }

    /** The [n] marker of each answer sentence: the 1-based position of its document in the citations. */
    static List<Integer> markers(List<AnswerComposer.ScoredSentence> sentences,
                                         List<HybridRetriever.RankedChunk> passages,
                                         List<AskResponse.Citation> citations) {
        List<Integer> out = new ArrayList<>();
        for (AnswerComposer.ScoredSentence s : sentences) {
            String doc = passages.get(s.passage()).chunk().docId();
            int n = 0;
            for (int i = 0; i < citations.size(); i++) {
                if (citations.get(i).documentId().equals(doc)) {
                    n = i + 1;
                    break;
                }
            }
            out.add(n);
        }
        return out;
    }

    /**
     * Logistic of the relevance margin, capped by the logistic of the term-coverage margin (when that check is on);
     * 0 when the question names something the base never mentions (when that check is on). At or above 0.5 exactly
     * when the question is answered. Used only when {@code nlp.qa.calibrated} is false.
     */
    private double confidence(double relevance, TermCoverage.Result terms) {
        double c = logistic((relevance - properties.minSimilarity()) / CONFIDENCE_SCALE);
        if (properties.minTermCoverage() > 0) {
            c = Math.min(c, logistic((terms.coverage() - properties.minTermCoverage()) / COVERAGE_SCALE));
        }
        return properties.refuseUnknownNames() && !terms.unknownNames().isEmpty() ? 0 : c;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static List<AskResponse.Citation> citations(List<HybridRetriever.RankedChunk> ranked,
                                                        List<HybridRetriever.RankedChunk> passages,
                                                        List<AnswerComposer.ScoredSentence> sentences, int topK) {
        Map<String, AskResponse.Citation> byDoc = new LinkedHashMap<>();
        for (HybridRetriever.RankedChunk r : ranked) {
            if (byDoc.size() >= topK) {
                break;
            }
            String docId = r.chunk().docId();
            if (!byDoc.containsKey(docId)) {
                byDoc.put(docId, new AskResponse.Citation(docId, r.chunk().title(), snippet(r, passages, sentences),
                        round(r.score()), round(r.cosine()), r.chunk().page(), r.chunk().heading()));
            }
        }
        return new ArrayList<>(byDoc.values());
    }

    private static String snippet(HybridRetriever.RankedChunk r, List<HybridRetriever.RankedChunk> passages,
                                  List<AnswerComposer.ScoredSentence> sentences) {
        List<AnswerComposer.ScoredSentence> own = sentences.stream()
                .filter(s -> passages.get(s.passage()).chunk().docId().equals(r.chunk().docId())).toList();
        if (!own.isEmpty()) {
            return AnswerComposer.join(own);
        }
        String text = r.chunk().text();
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    /**
     * One question's assessment: the document choice, the question's embedding, the relevance signal, the term check,
     * the calibration features, the confidence, the decision and the kinds of answer the question asks for that the
     * composed answer lacked (the answer-type check; empty when it passed or did not run).
     */
    public record Assessment(PassageSelector.Selection selection, float[] queryVector, double relevance,
                             TermCoverage.Result terms, ConfidenceModel.Features features, double confidence,
                             boolean answered, Set<AnswerType.Kind> missingKinds) {
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
