package dev.aigc.nlp.kb;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups sentences into chunks of about {@code maxUnits} (a Han character or an English word counts one unit);
 * consecutive chunks share {@code overlapSentences} sentences so an answer spanning a boundary is not lost.
 * A sentence is never cut.
 */
public final class Chunker {

    private final int maxUnits;
    private final int overlapSentences;

    public Chunker(int maxUnits, int overlapSentences) {
        this.maxUnits = maxUnits;
        this.overlapSentences = overlapSentences;
    }

    public List<String> chunk(String text) {
        List<String> sentences = SentenceSplitter.split(text);
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < sentences.size()) {
            int end = start;
            int units = 0;
            while (end < sentences.size() && (end == start || units + units(sentences.get(end)) <= maxUnits)) {
                units += units(sentences.get(end));
                end++;
            }
            chunks.add(join(sentences.subList(start, end)));
            if (end >= sentences.size()) {
                break;
            }
            start = Math.max(start + 1, end - overlapSentences);
        }
        return chunks;
    }

    static String join(List<String> sentences) {
        StringBuilder sb = new StringBuilder();
        for (String s : sentences) {
            if (!sb.isEmpty() && Languages.EN.equals(Languages.detect(s))) {
                sb.append(' ');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    public static int units(String text) {
        int units = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                units++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    units++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
            i += Character.charCount(cp);
        }
        return units;
    }
}
