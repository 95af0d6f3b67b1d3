package dev.aigc.nlp.kb;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences at Chinese full stops and marks (。！？；…), at ASCII {@code . ! ?} when followed by
 * whitespace or the end, and at line breaks (an English semicolon joins clauses of one sentence, so it does not split). Closing quotes and brackets stay with their sentence. Light Markdown
 * (headings, emphasis, list markers, code ticks) is removed first.
 */
public final class SentenceSplitter {

    private SentenceSplitter() {
    }

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : stripMarkdown(text).split("\\R")) {
            splitLine(line, sentences);
        }
        return sentences;
    }

    private static void splitLine(String line, List<String> out) {
        StringBuilder current = new StringBuilder();
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char ch = line.charAt(i);
            current.append(ch);
            boolean end = switch (ch) {
                case '。', '！', '？', '；', '…' -> true;
                case '.', '!', '?' -> i + 1 >= n || Character.isWhitespace(line.charAt(i + 1))
                        || isClosing(line.charAt(i + 1));
                default -> false;
            };
            if (end) {
                while (i + 1 < n && isClosing(line.charAt(i + 1))) {
                    current.append(line.charAt(++i));
                }
                flush(current, out);
            }
        }
        flush(current, out);
    }

    private static boolean isClosing(char ch) {
        return ch == '”' || ch == '’' || ch == '"' || ch == '\'' || ch == ')' || ch == '）' || ch == '」' || ch == '』';
    }

    private static void flush(StringBuilder current, List<String> out) {
        String s = current.toString().strip();
        if (!s.isEmpty() && s.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(s);
        }
        current.setLength(0);
    }

    static String stripMarkdown(String text) {
        return text.replaceAll("(?m)^\\s{0,3}#{1,6}\\s+", "")
                .replaceAll("(?m)^\\s*([-*+]|\\d+[.)])\\s+", "")
                .replaceAll("(?m)^```.*$", "")
                .replace("**", "")
                .replace("__", "")
                .replace("`", "");
    }
}
