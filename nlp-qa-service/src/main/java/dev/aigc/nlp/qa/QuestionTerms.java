package dev.aigc.nlp.qa;

import dev.aigc.nlp.kb.Languages;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The salient terms of a question: its tokens as the indexing analyzers produce them (SmartChinese for a Chinese
 * question, English with Porter stemming for an English one), less stopwords, question words and other function
 * words, which say how something is asked rather than what about.
 *
 * <p>A term is a <em>name</em> when it is written as one: a Latin-script word (two letters or more, not only digits)
 * in a Chinese question, or in an English question a word with a capital letter after its first character
 * ({@code LoRA}, {@code GPT}) or a capitalised word that does not start the question ({@code Mamba}); "I" is not,
 * and neither is the part after the dot of a dotted word ({@code requirements.txt}: only {@code requirements} is).
 */
final class QuestionTerms implements AutoCloseable {

    /** Chinese question and function words (besides SmartChinese's own punctuation stop set). */
    static final List<String> CHINESE_STOPWORDS = List.of(
            "什么", "怎么", "怎样", "怎么样", "如何", "哪些", "哪", "哪个", "哪里", "哪种", "哪家", "为什么", "为何", "是否",
            "能否", "多少", "几", "谁", "啥", "吗", "呢", "吧", "啊", "呀", "么", "的", "地", "得", "了", "着", "过", "是",
            "和", "与", "及", "或", "有", "在", "用", "做", "能", "会", "要", "可以", "应该", "需要", "想", "说", "请", "把",
            "给", "被", "让", "对", "从", "到", "由", "为", "这", "那", "这个", "那个", "一", "个", "些", "时", "中", "上",
            "下", "里", "还", "也", "都", "又", "就", "才", "最", "更", "很", "太", "比", "其", "之", "而", "并", "但", "等",
            "我", "你", "他", "它", "我们", "你们", "多", "大", "小");

    /** English question words, auxiliaries and pronouns (besides the analyzer's own English stop set). */
    static final List<String> ENGLISH_STOPWORDS = List.of(
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "do", "does", "did", "done", "can",
            "could", "should", "would", "may", "might", "must", "shall", "i", "me", "my", "mine", "we", "us", "our",
            "you", "your", "he", "she", "him", "her", "its", "them", "am", "been", "being", "have", "has", "had",
            "about", "from", "than", "so", "some", "any", "each", "more", "most", "very", "many", "much", "here",
            "also", "only", "just", "can't", "don't", "doesn't", "isn't", "aren't");

    private final Analyzer chinese;
    private final Analyzer english;

    QuestionTerms() {
        CharArraySet zh = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        zh.addAll(CHINESE_STOPWORDS);
        zh.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        zh.addAll(ENGLISH_STOPWORDS);
        CharArraySet en = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        en.addAll(ENGLISH_STOPWORDS);
        this.chinese = new SmartChineseAnalyzer(zh);
        this.english = new EnglishAnalyzer(en);
    }

    /** The distinct salient terms of {@code question}, in order of first occurrence. */
    List<Term> of(String question) {
        boolean zh = Languages.ZH.equals(Languages.detect(question));
        int firstWordEnd = firstWordEnd(question);
        Map<String, Term> terms = new LinkedHashMap<>();
        try (TokenStream ts = (zh ? chinese : english).tokenStream("question", question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String surface = question.substring(offset.startOffset(), offset.endOffset());
                boolean han = surface.codePoints().anyMatch(QuestionTerms::isHan);
                boolean name = !han && !fileSuffix(question, offset.startOffset())
                        && isName(surface, zh, offset.startOffset() < firstWordEnd);
                terms.putIfAbsent(term.toString(), new Term(term.toString(), surface, han, name));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms.values());
    }

    private static boolean isName(String surface, boolean chineseQuestion, boolean firstWord) {
        if (surface.codePoints().filter(Character::isLetter).count() < 2) {
            return false;
        }
        if (chineseQuestion) {
            return true;
        }
        boolean innerCapital = surface.substring(1).codePoints().anyMatch(Character::isUpperCase);
        return innerCapital || (!firstWord && Character.isUpperCase(surface.codePointAt(0)));
    }

    /**
     * Whether the token at {@code start} is the part after a dot of a dotted word ({@code txt} of
     * {@code requirements.txt}, {@code xml} of {@code pom.xml}): SmartChinese splits such a word, the English index keeps
     * it whole, so the suffix alone would count as a name the base never mentions; the part before the dot stays a name.
     */
    static boolean fileSuffix(String question, int start) {
        return start >= 2 && question.charAt(start - 1) == '.' && Character.isLetterOrDigit(question.charAt(start - 2));
    }

    private static int firstWordEnd(String text) {
        int i = 0;
        while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    @Override
    public void close() {
        chinese.close();
        english.close();
    }

    /**
     * One salient term: {@code text} as analysed (lower-cased, stemmed), {@code surface} as written in the question,
     * whether it is Chinese ({@code han}) and whether it is written as a name.
     */
    record Term(String text, String surface, boolean han, boolean name) {
    }
}
