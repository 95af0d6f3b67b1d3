package dev.aigc.nlp.kb;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the knowledge base lives: documents, their chunks, BM25 and dense search, and the term statistics the
 * question-answering checks read ({@code qa/TermCoverage}, {@code qa/Abbreviations}, {@code qa/Bilingual}). Two
 * implementations, chosen by {@code nlp.kb.backend}: {@link LuceneStore} (an embedded index on local disk, the default)
 * and {@link SolrStore} (a SolrCloud collection, so any number of service replicas share one base). Both analyse and
 * score text the same way (fields and analyzers from {@link KbFields}; BM25 k1 = 1.2, b = 0.75); the caller analyses
 * questions with {@link #analyzer(String)}, so terms are the indexed ones. Every write returns only once the store
 * committed it durably: a caller told "created" cannot lose the document to a crash.
 */
public interface KnowledgeStore extends AutoCloseable {

    /** Adds a document and its chunks, then commits. */
    void add(KbDocument doc, List<Chunk> chunks) throws IOException;

    /** Adds many documents (their ids may exist already: they are replaced) with one commit at the end. */
    void addAll(Map<KbDocument, List<Chunk>> docs) throws IOException;

    /** Deletes a document and its chunks and commits; false when there is no such document. */
    boolean delete(String id) throws IOException;

    Optional<KbDocument> get(String id) throws IOException;

    int countDocuments() throws IOException;

    /** Documents ordered by creation time (oldest first), {@code size} from {@code offset}. */
    List<KbDocument> list(int offset, int size) throws IOException;

    /** BM25 over chunk bodies (and titles, boosted 0.5), the question analysed by both languages' analyzers. */
    List<Hit> searchBm25(String question, int k) throws IOException;

    /** BM25 over the chunk bodies and titles of language {@code lang} only, {@code text} analysed as {@code lang}. */
    List<Hit> searchBm25(String text, String lang, int k) throws IOException;

    /**
     * BM25 of English text over the English view ({@link KbFields#VIEW_EN}) of the chunks of {@code lang} (null: all
     * chunks): English chunks' own text and Chinese chunks' glosses, one field with one set of term statistics.
     */
    List<Hit> searchEnglishView(String englishText, String lang, int k) throws IOException;

    /** Nearest chunks by cosine similarity of the unit-length embeddings (HNSW). */
    List<Hit> searchDense(float[] queryVector, int k) throws IOException;

    /** Document frequencies of {@code terms} and the number of chunks holding each of their fields. */
    TermStatistics statistics(Collection<FieldTerm> terms) throws IOException;

    /** Whether some indexed term of {@code field} starts with {@code prefix}. */
    boolean hasTermStartingWith(String field, String prefix) throws IOException;

    /** A token that changes whenever the stored documents change (for caches built from {@link #documentTexts()}). */
    Object version() throws IOException;

    /** Title and full text of every stored document (not of the chunks), with the version they were read at. */
    DocumentTexts documentTexts() throws IOException;

    @Override
    void close() throws IOException;

    /** The analyzer that indexes text of language {@code lang} ({@code zh}: SmartChinese, otherwise English). */
    Analyzer analyzer(String lang);

    /** Whether every term {@code lang}'s analyzer makes of {@code word} occurs in some chunk body of that language. */
    default boolean contains(String word, String lang) {
        String field = KbFields.field("body", lang);
        List<FieldTerm> terms = terms(analyzer(lang), field, word).stream().map(t -> new FieldTerm(field, t)).toList();
        if (terms.isEmpty()) {
            return false;
        }
        try {
            TermStatistics stats = statistics(terms);
            return terms.stream().allMatch(t -> stats.docFreq(t) > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The indexed terms {@code analyzer} makes of {@code text} for {@code field}, in order, repeats included. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A term of a field. */
    record FieldTerm(String field, String term) {
    }

    /**
     * Term statistics of the whole base: chunks containing a term ({@code docFreq}, 0 when absent) and chunks with a
     * field ({@code docCount}).
     */
    record TermStatistics(Map<FieldTerm, Integer> docFreqs, Map<String, Integer> docCounts) {

        public int docFreq(FieldTerm term) {
            return docFreqs.getOrDefault(term, 0);
        }

        public int docFreq(String field, String term) {
            return docFreq(new FieldTerm(field, term));
        }

        public int docCount(String field) {
            return docCounts.getOrDefault(field, 0);
        }
    }

    /** A stored document's title and text. */
    record DocumentText(String title, String text) {
    }

    /** The stored documents' texts at {@code version}. */
    record DocumentTexts(Object version, List<DocumentText> documents) {
    }

    /** A retrieved chunk with its score: BM25 score, or cosine similarity for dense search. */
    record Hit(Chunk chunk, float score) {
    }
}
