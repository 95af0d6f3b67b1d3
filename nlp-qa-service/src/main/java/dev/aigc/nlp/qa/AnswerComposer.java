package dev.aigc.nlp.qa;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.Chunker;
import dev.aigc.nlp.kb.Languages;
import dev.aigc.nlp.kb.SentenceSplitter;
import org.springframework.util.ConcurrentLruCache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds an extractive answer: the sentences of the top passages are scored against the question (cosine similarity
 * of bge embeddings plus a small bonus for shared words / Han bigrams) and the best ones, close to the top score,
 * are returned in their original order; when the question asks for a year or a number ({@link AnswerType}), a
 * sentence holding one may join from further down.
 */
public class AnswerComposer {

    static final int MAX_SENTENCES = 3;
    static final double WITHIN_BEST = 0.06;
    static final double OVERLAP_WEIGHT = 0.15;
    static final int MIN_ANSWER_UNITS = 40;
    /** How far below the best sentence one holding the kind of answer asked for may score and still join. */
    static final double KIND_WINDOW = 3 * WITHIN_BEST;

    private static final Comparator<ScoredSentence> READING_ORDER =
            Comparator.comparingInt(ScoredSentence::passage).thenComparingInt(ScoredSentence::position);

    /** Sentence vectors kept by default: about 16 MB of 512-float vectors, several times the shipped base's sentences. */
    public static final int DEFAULT_SENTENCE_CACHE = 8192;

    private final BgeEmbedder embedder;
    private final ConcurrentLruCache<String, float[]> sentenceVectors;

    public AnswerComposer(BgeEmbedder embedder) {
        this(embedder, DEFAULT_SENTENCE_CACHE);
    }

    /**
     * @param sentenceCache the most sentence vectors kept (0: none). A sentence's vector depends on its text alone
     *                      (the embedder runs one text per call), so a cached vector is the one a new pass would give;
     *                      the pages a base is asked about most are embedded once instead of at every question.
     */
    public AnswerComposer(BgeEmbedder embedder, int sentenceCache) {
        this.embedder = embedder;
        this.sentenceVectors = sentenceCache > 0 ? new ConcurrentLruCache<>(sentenceCache, embedder::embed) : null;
    }

    /** Sentences of {@code passages} (best passage first), scored; the answer is the selection in reading order. */
    public List<ScoredSentence> select(String question, float[] queryVector, List<HybridRetriever.RankedChunk> passages) {
        return select(question, "", queryVector, passages, passages.size());
    }

    /**
     * As {@link #select(String, float[], List)}, with {@code translated} (the question's words in the other language,
     * {@link Bilingual}) counted in the word overlap, so that a passage in the other language can be scored, and
     * with the passages from {@code ownPassages} on belonging to other documents: the answer centres on the answering
     * document's best sentence, and a sentence of another document joins it (composed with its own citation marker)
     * only when it scores within {@code WITHIN_BEST / 2} of that sentence.
     */
    public List<ScoredSentence> select(String question, String translated, float[] queryVector,
                                       List<HybridRetriever.RankedChunk> passages, int ownPassages) {
        List<ScoredSentence> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < passages.size(); p++) {
            List<String> sentences = SentenceSplitter.split(passages.get(p).chunk().text());
            for (int s = 0; s < sentences.size(); s++) {
                if (seen.add(sentences.get(s))) {
                    all.add(new ScoredSentence(p, s, sentences.get(s), 0));
                }
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        List<String> texts = all.stream().map(ScoredSentence::text).toList();
        List<float[]> vectors = sentenceVectors == null ? embedder.embed(texts)
                : texts.stream().map(sentenceVectors::get).toList();
        Set<String> qTerms = terms(question);
        Set<String> tTerms = terms(translated);
        Set<AnswerType.Kind> kinds = AnswerType.expected(question);
        List<ScoredSentence> scored = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ScoredSentence s = all.get(i);
            double overlap = Math.max(overlap(qTerms, s.text()), overlap(tTerms, s.text()));
            double score = BgeEmbedder.dot(queryVector, vectors.get(i)) + OVERLAP_WEIGHT * overlap
                    - 0.02 * s.passage();
            scored.add(new ScoredSentence(s.passage(), s.position(), s.text(), score));
        }
        scored.sort(Comparator.comparingDouble(ScoredSentence::score).reversed());
        ScoredSentence top = scored.stream().filter(s -> s.passage() < ownPassages).findFirst().orElse(scored.get(0));
        double best = top.score();
        int bestPassage = top.passage();
        List<ScoredSentence> chosen = new ArrayList<>();
        for (ScoredSentence s : scored) {
            if (chosen.size() < MAX_SENTENCES && s.score() >= best - WITHIN_BEST
                    && (s.passage() == bestPassage || s.score() >= best - WITHIN_BEST / 2)) {
                chosen.add(s);
            }
        }
        if (!chosen.contains(top)) {
            chosen.set(chosen.size() - 1, top);
        }
        addSentenceOfTheAskedKind(chosen, scored, kinds, best, ownPassages);
        chosen.sort(READING_ORDER);
        extendShortAnswer(chosen, all, ownPassages);
        chosen.sort(READING_ORDER);
        return chosen;
    }

    /**
     * When the question asks for a year or a number ({@link AnswerType}) and no chosen sentence holds one, the answering
     * document's best sentence that does joins the answer (in place of the lowest-scoring one when the answer is full)
     * if it scores within {@value #KIND_WINDOW} of the best sentence: "哪一年由谁提出" gets the sentence with the year,
     * not only the definition that matches the question's words best.
     */
    private static void addSentenceOfTheAskedKind(List<ScoredSentence> chosen, List<ScoredSentence> scored,
                                                  Set<AnswerType.Kind> kinds, double best, int ownPassages) {
        if (kinds.isEmpty() || chosen.stream().anyMatch(s -> holdsAny(kinds, s.text()))) {
            return;
        }
        scored.stream().filter(s -> s.passage() < ownPassages && s.score() >= best - KIND_WINDOW
                && holdsAny(kinds, s.text())).findFirst().ifPresent(s -> {
                    if (chosen.size() >= MAX_SENTENCES) {
                        chosen.stream().filter(c -> c.score() < best)
                                .min(Comparator.comparingDouble(ScoredSentence::score)).ifPresent(chosen::remove);
                    }
                    chosen.add(s);
                });
    }

    private static boolean holdsAny(Set<AnswerType.Kind> kinds, String text) {
        return kinds.stream().anyMatch(k -> AnswerType.holds(k, text));
    }

    /**
     * A Chinese clause ending in "；" or a very short sentence rarely answers on its own: while the answer has fewer
     * than {@value #MIN_ANSWER_UNITS} units, append the sentence that follows the last chosen one of the answering
     * document's passages (the first {@code ownPassages}) in its passage.
     */
    private static void extendShortAnswer(List<ScoredSentence> chosen, List<ScoredSentence> all, int ownPassages) {
        while (chosen.stream().mapToInt(s -> Chunker.units(s.text())).sum() < MIN_ANSWER_UNITS) {
            ScoredSentence last = chosen.stream().filter(s -> s.passage() < ownPassages)
                    .reduce((a, b) -> b).orElse(null);
            if (last == null) {
                return;
            }
            ScoredSentence next = all.stream()
                    .filter(s -> s.passage() == last.passage() && s.position() == last.position() + 1)
                    .findFirst().orElse(null);
            if (next == null || chosen.stream().anyMatch(s -> s.text().equals(next.text()))) {
                return;
            }
            chosen.add(next);
            chosen.sort(READING_ORDER);
        }
    }

    public static String join(List<ScoredSentence> sentences) {
        return join(sentences, List.of());
    }

    /**
     * The sentences in order, each followed by its citation marker {@code [n]} when {@code markers} gives one
     * (n ≥ 1: the 1-based position of the sentence's document in the citations list).
     */
    public static String join(List<ScoredSentence> sentences, List<Integer> markers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            ScoredSentence s = sentences.get(i);
            if (!sb.isEmpty() && Languages.EN.equals(Languages.detect(s.text()))) {
                sb.append(' ');
            }
            sb.append(s.text());
            if (i < markers.size() && markers.get(i) > 0) {
                sb.append('[').append(markers.get(i)).append(']');
            }
        }
        return sb.toString();
    }

    static double overlap(Set<String> questionTerms, String sentence) {
        if (questionTerms.isEmpty()) {
            return 0;
        }
        Set<String> s = terms(sentence);
        long shared = questionTerms.stream().filter(s::contains).count();
        return (double) shared / questionTerms.size();
    }

    /** Lower-cased English words longer than two letters and Han character bigrams. */
    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        StringBuilder word = new StringBuilder();
        int prevHan = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (han) {
                if (prevHan >= 0) {
                    terms.add(new String(Character.toChars(prevHan)) + new String(Character.toChars(cp)));
                }
                prevHan = cp;
            } else {
                prevHan = -1;
            }
            if (!han && Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else {
                addWord(terms, word);
            }
            i += Character.charCount(cp);
        }
        addWord(terms, word);
        return terms;
    }

    private static void addWord(Set<String> terms, StringBuilder word) {
        if (word.length() > 2 && Chunker.units(word.toString()) == 1) {
            terms.add(word.toString().toLowerCase(Locale.ROOT));
        }
        word.setLength(0);
    }

    /** A sentence of passage {@code passage} (index among the passages) at {@code position} within it. */
    public record ScoredSentence(int passage, int position, String text, double score) {
    }
}
