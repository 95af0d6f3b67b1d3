package dev.aigc.nlp.qa;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The expected answer type of a question, the classic check of extractive QA: a question that asks for a year ("in
 * what year", "哪一年") or a number ("how many", "多少", "几层？") is only answered by sentences that hold one. "Who
 * proposed the GRU, and when?" finds the RNN page, whose every word matches, but the sentences chosen to answer it
 * (the GRU sentence) hold no year: the detail asked for is not in the base. The answer composer prefers sentences that
 * hold the kind asked for ({@link AnswerComposer}); the service refuses when the composed answer still holds none
 * ({@code nlp.qa.answer-type-check}).
 *
 * <p>Only years and numbers are checked: people and organisations cannot be told apart from other names without a
 * tagger, and "哪几个步骤" asks for a list, not a count.
 */
public final class AnswerType {

    /** What a question asks for. */
    public enum Kind { YEAR, NUMBER }

    private static final Pattern ASKS_YEAR = Pattern.compile(
            "\\b(what|which) year\\b|\\bwhen (was|were|did)\\b|\\band when\\b|哪一年|哪年|哪个年份|什么年份|何年|什么年代"
                    + "|什么时候(提出|发布|推出|发明|诞生|出现|开源|发表|停止)");
    private static final Pattern ASKS_NUMBER = Pattern.compile(
            "\\bhow many\\b|\\bhow much (memory|ram|vram|disk|space|data|time)\\b|\\bwhat (percentage|fraction|"
                    + "proportion|ratio)\\b|多少|(?<![哪好])几(个|种|层|类|条|张|位|次|倍|项|维|步|块|台|万|千|百)\\p{IsHan}{0,2}？");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]|20)\\d\\d(?!\\d)");
    private static final Pattern NUMBER = Pattern.compile("\\d|[一两几数]小?批|[零一二两三四五六七八九十百千万亿几数]+(个|种|层|类|条|张|位|次"
            + "|倍|项|维|步|块|台|万|千|百|亿|成)|%|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen"
            + "|dozens|half|twice|double)\\b", Pattern.CASE_INSENSITIVE);

    private AnswerType() {
    }

    /** The kinds of answer the question asks for (empty: none the check knows). */
    public static Set<Kind> expected(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (ASKS_YEAR.matcher(q).find()) {
            kinds.add(Kind.YEAR);
        }
        if (ASKS_NUMBER.matcher(q).find()) {
            kinds.add(Kind.NUMBER);
        }
        return kinds;
    }

    /** Whether the text holds an answer of this kind (a year holds a number too). */
    public static boolean holds(Kind kind, String text) {
        return switch (kind) {
            case YEAR -> YEAR.matcher(text).find();
            case NUMBER -> NUMBER.matcher(text).find();
        };
    }

    /** The kinds in {@code expected} that none of the texts holds. */
    public static Set<Kind> missing(Set<Kind> expected, List<String> texts) {
        Set<Kind> missing = EnumSet.noneOf(Kind.class);
        for (Kind k : expected) {
            if (texts.stream().noneMatch(t -> holds(k, t))) {
                missing.add(k);
            }
        }
        return missing;
    }
}
