package dev.aigc.nlp.kb;

import dev.aigc.nlp.embed.BgeEmbedder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How long uploads take: Tika parsing of the test files, the refusal of a PDF one page over the limit, and parsing
 * plus ingesting (chunking, bge embedding, one Lucene commit) of the largest PDF the default text limit accepts.
 * Not a test; run by {@code nlp-qa-service/scripts/bench-upload.sh}.
 */
public final class UploadBenchmark {

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DocumentParser parser = new DocumentParser(200, 100_000);
        byte[] small = UploadFixtures.threePagePdf();
        byte[] docx = UploadFixtures.docx("Notes.", "Backup policy", "Backups run nightly at 01:30.",
                "Releases", "Releases ship on the second Tuesday.");
        String page = "Each antenna of the array is serviced once a year by the operations team, which replaces worn "
                + "bearings, checks the cabling and recalibrates the receivers against a reference source. ";
        byte[] tooLong = UploadFixtures.pdf(null, java.util.Collections.nCopies(201, page).toArray(String[]::new));
        // 58 pages of about 1,700 characters: just under nlp.kb.max-document-chars = 100,000
        byte[] large = UploadFixtures.pdf(null, java.util.Collections.nCopies(58, page.repeat(9)).toArray(String[]::new));
        for (int i = 0; i < 3; i++) {
            parser.parse(small, "a.pdf");
            parser.parse(docx, "a.docx");
        }
        report("parse 3-page PDF (" + small.length / 1024 + " KB)", () -> parser.parse(small, "a.pdf"), 10);
        report("parse DOCX (" + docx.length / 1024 + " KB)", () -> parser.parse(docx, "a.docx"), 10);
        report("refuse 201-page PDF (" + tooLong.length / 1024 + " KB) with 413", () -> {
            try {
                parser.parse(tooLong, "long.pdf");
                throw new IllegalStateException("not refused");
            } catch (dev.aigc.serving.web.ApiException e) {
                return e;
            }
        }, 5);
        DocumentParser.Parsed parsed = parser.parse(large, "large.pdf");
        report("parse 58-page PDF (" + large.length / 1024 + " KB, " + parsed.text().length() + " chars)",
                () -> parser.parse(large, "large.pdf"), 5);
        Path dir = Files.createTempDirectory("upload-bench");
        try (BgeEmbedder embedder = new BgeEmbedder(1, 2, 512);
             KnowledgeBase kb = new KnowledgeBase(new KbProperties(dir.toString(), false, 160, 1, 100_000), embedder)) {
            long start = System.nanoTime();
            KbDocument doc = kb.ingest(new KnowledgeBase.NewDocument("Large", parsed.text(), "large.pdf", null), null,
                    parsed.sections());
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "%-60s %9.0f ms  (%d chunks, %.0f ms per chunk)%n",
                    "ingest 58-page PDF (chunk, embed, commit)", ms, doc.chunks(), ms / doc.chunks());
        }
    }

    private static void report(String what, Supplier<?> task, int runs) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-60s %9.1f ms  (median of %d, min %.1f, max %.1f)%n", what, ms[runs / 2],
                runs, ms[0], ms[runs - 1]);
    }
}
