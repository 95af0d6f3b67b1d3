package dev.aigc.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One evaluation question; {@code expectedDocId} is null when the knowledge base cannot answer it. */
public record EvalQuestion(String lang, String expectedDocId, String question) {

    public boolean answerable() {
        return expectedDocId != null;
    }

    /** Reads {@code lang<TAB>doc id or -<TAB>question} lines; # starts a comment. */
    public static List<EvalQuestion> read(Path tsv) throws IOException {
        List<EvalQuestion> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new IOException("bad evaluation line: " + line);
            }
            out.add(new EvalQuestion(f[0], "-".equals(f[1]) ? null : f[1], f[2]));
        }
        return out;
    }
}
