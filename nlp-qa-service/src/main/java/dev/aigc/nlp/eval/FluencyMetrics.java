package dev.aigc.nlp.eval;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fluency measures that need no human, computed the same way on generated and on real text:
 * <ul>
 *   <li><b>Dictionary-word share</b>: of the Han characters, the share that Lucene's smartcn segmenter (its own
 *       dictionary and HMM) puts inside a word of two or more Han characters. Random or broken Chinese falls apart
 *       into single characters; real prose is mostly words.</li>
 *   <li><b>distinct-2</b>: distinct character bigrams over all bigrams of one text (whitespace ignored), averaged
 *       over texts: 1 means no repetition, a loop drives it down.</li>
 *   <li><b>Script kept</b>: share of continuations written in the prompt's script (a Chinese prompt: at least half
 *       of the letters are Han; an English prompt: at least half are Latin).</li>
 * </ul>
 */
final class FluencyMetrics {

    private static final SmartChineseAnalyzer SEGMENTER = new SmartChineseAnalyzer(false);

    private FluencyMetrics() {
    }

    record Summary(double dictionaryWordShare, double distinct2, double scriptKept) {
    }

    static Summary of(List<String> texts, List<String> langs) {
        long inWords = 0;
        long han = 0;
        double distinct = 0;
        int kept = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            long[] w = wordCharacters(t);
            inWords += w[0];
            han += w[1];
            distinct += distinct2(t);
            kept += keepsScript(t, langs.get(i)) ? 1 : 0;
        }
        return new Summary(han == 0 ? 0 : (double) inWords / han, distinct / texts.size(), (double) kept / texts.size());
    }

    /** The same measures on {@code count} chunks of {@code length} characters taken evenly through real text. */
    static Summary ofReal(String text, int length, int count) {
        int[] cps = text.codePoints().filter(cp -> cp != '\n').toArray();
        List<String> chunks = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        int step = Math.max(1, (cps.length - length) / count);
        for (int start = 0; start + length <= cps.length && chunks.size() < count; start += step) {
            chunks.add(new String(cps, start, length));
            langs.add("zh");
        }
        return of(chunks, langs);
    }

    /** Han characters inside multi-character words, and all Han characters. */
    static long[] wordCharacters(String text) {
        boolean[] inWord = new boolean[text.length()];
        try (TokenStream ts = SEGMENTER.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.codePointCount(0, w.length()) >= 2 && w.codePoints().allMatch(FluencyMetrics::isHan)) {
                    for (int i = offset.startOffset(); i < offset.endOffset() && i < inWord.length; i++) {
                        inWord[i] = true;
                    }
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long in = 0;
        long han = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isHan(text.charAt(i))) {
                han++;
                in += inWord[i] ? 1 : 0;
            }
        }
        return new long[] {in, han};
    }

    static double distinct2(String text) {
        int[] cps = text.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        if (cps.length < 2) {
            return 1.0;
        }
        Set<Long> bigrams = new HashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            bigrams.add(((long) cps[i] << 32) | cps[i + 1]);
        }
        return (double) bigrams.size() / (cps.length - 1);
    }

    static boolean keepsScript(String text, String lang) {
        long han = text.codePoints().filter(FluencyMetrics::isHan).count();
        long latin = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN)
                .count();
        if (han + latin == 0) {
            return false;
        }
        return lang.equals("zh") ? han * 2 >= han + latin : latin * 2 >= han + latin;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
