package dev.aigc.nlp.qa;

import dev.aigc.nlp.kb.KbFields;
import dev.aigc.nlp.kb.KnowledgeStore;
import dev.aigc.nlp.kb.Languages;
import org.apache.lucene.analysis.Analyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that what a question asks about is in the knowledge base, with the index's own analyzers and statistics:
 *
 * <ul>
 *   <li><b>unknown names</b>: salient terms written as names ({@link QuestionTerms}) that occur in no chunk body or
 *       title of either language (the store's document frequency is 0 and, for names of three letters or more, no
 *       indexed term starts with them, so "Mac" counts as known through "macos"), and that are not an
 *       abbreviation the base spells out ({@link Abbreviations}: "NMT" is known through "neural machine
 *       translation", "NLP" through 自然语言处理);</li>
 *   <li><b>coverage</b>: the IDF-weighted share of the salient terms that occur in the answering passages (text and
 *       title), {@code Σ idf(t) over covered terms / Σ idf(t) over all}, with the BM25 form
 *       {@code idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))}, N = number of chunks, df = chunks containing t, so a
 *       term the base never uses weighs most. Chinese terms are only compared with Chinese passages; when nothing
 *       can be compared (no salient term), the coverage is 1.</li>
 * </ul>
 */
public class TermCoverage implements AutoCloseable {

    /** Names at least this long also count as known when an indexed term starts with them. */
    static final int PREFIX_MIN_LENGTH = 3;

    private static final List<String> LANGUAGES = List.of(Languages.ZH, Languages.EN);

    private final KnowledgeStore store;
    private final QuestionTerms questionTerms = new QuestionTerms();
    private final Abbreviations abbreviations = new Abbreviations();

    public TermCoverage(KnowledgeStore store) {
        this.store = store;
    }

    /** Measures {@code question} against the knowledge base and the passages its answer would come from. */
    public Result measure(String question, List<HybridRetriever.RankedChunk> passages) {
        return measure(question, List.of(), passages);
    }

    /**
     * As {@link #measure(String, List)}, a term also counting as found when one of the translations of the
     * {@code translation} unit it belongs to ({@link Bilingual}) occurs in the passages (all its terms, analysed as
     * the passage's language); a Chinese term is compared with non-Chinese passages through its translations only,
     * and left out when it has none.
     */
    public Result measure(String question, List<Bilingual.Unit> translation,
                          List<HybridRetriever.RankedChunk> passages) {
        List<QuestionTerms.Term> terms = questionTerms.of(question);
        Set<String> passageLanguages = new HashSet<>();
        Set<String> passageTerms = new HashSet<>();
        for (HybridRetriever.RankedChunk p : passages) {
            passageLanguages.add(p.chunk().lang());
            Analyzer analyzer = store.analyzer(p.chunk().lang());
            passageTerms.addAll(analyze(analyzer, p.chunk().text()));
            passageTerms.addAll(analyze(analyzer, p.chunk().title()));
        }
        try {
            List<List<List<String>>> translated = new ArrayList<>();
            for (QuestionTerms.Term t : terms) {
                List<List<String>> forms = new ArrayList<>();
                for (Bilingual.Unit u : translation) {
                    if (u.contains(t.text(), t.surface())) {
                        for (String w : u.translations()) {
                            for (String lang : passageLanguages) {
                                List<String> analysed = analyze(store.analyzer(lang), w);
                                if (!analysed.isEmpty()) {
                                    forms.add(analysed);
                                }
                            }
                        }
                    }
                }
                translated.add(forms);
            }
            return measure(terms, translated, passageLanguages, passageTerms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result measure(List<QuestionTerms.Term> terms, List<List<List<String>>> translated,
                           Set<String> passageLanguages, Set<String> passageTerms) throws IOException {
        List<List<String>> allKeys = new ArrayList<>();
        Set<KnowledgeStore.FieldTerm> wanted = new LinkedHashSet<>();
        for (QuestionTerms.Term t : terms) {
            List<String> keys = keys(t);
            allKeys.add(keys);
            for (int i = 0; i < LANGUAGES.size(); i++) {
                if (keys.get(i) != null) {
                    for (String kind : List.of("body", "title")) {
                        wanted.add(new KnowledgeStore.FieldTerm(KbFields.field(kind, LANGUAGES.get(i)), keys.get(i)));
                    }
                }
            }
        }
        KnowledgeStore.TermStatistics stats = store.statistics(wanted);
        int chunks = 0;
        for (String lang : LANGUAGES) {
            chunks += stats.docCount(KbFields.field("body", lang));
        }
        double total = 0;
        double covered = 0;
        List<String> unknownNames = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (int ti = 0; ti < terms.size(); ti++) {
            QuestionTerms.Term t = terms.get(ti);
            List<List<String>> forms = translated.get(ti);
            List<String> keys = allKeys.get(ti);
            int df = 0;
            boolean inTitle = false;
            for (int i = 0; i < LANGUAGES.size(); i++) {
                if (keys.get(i) != null) {
                    df += stats.docFreq(KbFields.field("body", LANGUAGES.get(i)), keys.get(i));
                    inTitle |= stats.docFreq(KbFields.field("title", LANGUAGES.get(i)), keys.get(i)) > 0;
                }
            }
            if (t.name() && df == 0 && !inTitle && !prefixKnown(keys)
                    && abbreviations.expansion(store, t.surface()).isEmpty()) {
                unknownNames.add(t.surface());
            }
            if (t.han() && !passageLanguages.contains(Languages.ZH) && forms.isEmpty()) {
                continue;
            }
            double idf = Math.log(1 + (chunks - df + 0.5) / (df + 0.5));
            total += idf;
            if (keys.stream().anyMatch(passageTerms::contains) || forms.stream().anyMatch(passageTerms::containsAll)) {
                covered += idf;
            } else {
                uncovered.add(t.surface());
            }
        }
        return new Result(total == 0 ? 1 : covered / total, unknownNames, uncovered);
    }

    /** The term's form in the Chinese and in the English fields (null where it cannot occur). */
    private List<String> keys(QuestionTerms.Term t) {
        if (t.han()) {
            return Arrays.asList(t.text(), null);
        }
        List<String> keys = new ArrayList<>();
        for (String lang : LANGUAGES) {
            List<String> analysed = analyze(store.analyzer(lang), t.surface());
            keys.add(analysed.isEmpty() ? t.text() : analysed.get(0));
        }
        return keys;
    }

    private boolean prefixKnown(List<String> keys) throws IOException {
        for (int i = 0; i < LANGUAGES.size(); i++) {
            String key = keys.get(i);
            if (key == null || key.length() < PREFIX_MIN_LENGTH) {
                continue;
            }
            for (String kind : List.of("body", "title")) {
                if (store.hasTermStartingWith(KbFields.field(kind, LANGUAGES.get(i)), key)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        return KnowledgeStore.terms(analyzer, "text", text);
    }

    @Override
    public void close() {
        questionTerms.close();
    }

    /**
     * @param coverage     IDF-weighted share of the salient terms found in the answering passages, in [0, 1]
     * @param unknownNames names in the question (as written) that the knowledge base never mentions
     * @param uncovered    salient terms (as written) missing from the answering passages
     */
    public record Result(double coverage, List<String> unknownNames, List<String> uncovered) {

        /** Whether the answer may be given: coverage reached and, if so configured, no unknown name. */
        public boolean passes(double minCoverage, boolean refuseUnknownNames) {
            return coverage >= minCoverage && !(refuseUnknownNames && !unknownNames.isEmpty());
        }
    }
}
