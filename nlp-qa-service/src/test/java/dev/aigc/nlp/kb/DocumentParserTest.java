package dev.aigc.nlp.kb;

import dev.aigc.serving.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static dev.aigc.nlp.kb.UploadFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentParserTest {

    private final DocumentParser parser = new DocumentParser(200, 100_000);

    @Test
    void shouldKeepThePageOfEachPassageOfAPdf() {
        DocumentParser.Parsed parsed = parser.parse(UploadFixtures.threePagePdf(), "array.pdf");
        assertThat(parsed.format()).isEqualTo(DocumentParser.Format.PDF);
        assertThat(parsed.pages()).isEqualTo(3);
        assertThat(parsed.sections()).extracting(Section::page).containsExactly(1, 2, 3);
        Section two = parsed.sections().get(1);
        assertThat(two.text()).as("line wraps joined by one space into one paragraph").isEqualTo(UploadFixtures.PAGE_TWO);
        assertThat(parsed.sections().get(0).text()).doesNotContain("forty-two");
        assertThat(parsed.title()).isNull();
    }

    @Test
    void shouldTakeThePdfTitleFromItsMetadata() {
        byte[] pdf = UploadFixtures.pdf("Array maintenance", "Every dish is serviced in spring.");
        assertThat(parser.parse(pdf, "x.pdf").title()).isEqualTo("Array maintenance");
    }

    @Test
    void shouldKeepTheHeadingOfEachPassageOfADocx() {
        byte[] docx = UploadFixtures.docx("Notes of the operations team.",
                "Backup policy", "Database backups run every night at 01:30 and are kept for thirty days.",
                "Maintenance window", "The cluster is patched on the first Sunday of each month.");
        DocumentParser.Parsed parsed = parser.parse(docx, "ops.docx");
        assertThat(parsed.format()).isEqualTo(DocumentParser.Format.DOCX);
        assertThat(parsed.sections()).extracting(Section::heading)
                .containsExactly(null, "Backup policy", "Maintenance window");
        assertThat(parsed.sections().get(2).text()).contains("first Sunday");
        assertThat(parsed.sections()).extracting(Section::page).containsOnly((Integer) null);
        assertThat(parsed.title()).as("first heading when the file has no title").isEqualTo("Backup policy");
    }

    @Test
    void shouldSplitHtmlAtHeadingsAndTakeItsTitleElement() {
        String html = "<html><head><title>Office guide</title><style>p{color:red}</style></head><body>"
                + "<h1>Office</h1><p>Welcome to the office.</p><table><tr><td>Floor</td><td>Room</td></tr></table>"
                + "<h2>Parking</h2>"
                + "<p>Cars park in the\n   north garage, level minus two.</p><script>var x = 1;</script></body></html>";
        DocumentParser.Parsed parsed = parser.parse(utf8(html), "guide.html");
        assertThat(parsed.format()).isEqualTo(DocumentParser.Format.HTML);
        assertThat(parsed.title()).isEqualTo("Office guide");
        assertThat(parsed.sections()).extracting(Section::heading).containsExactly("Office", "Parking");
        assertThat(parsed.sections().get(1).text()).isEqualTo("Cars park in the north garage, level minus two.");
        assertThat(parsed.sections().get(0).text()).as("table cells apart").contains("Floor Room");
        assertThat(parsed.text()).doesNotContain("color").doesNotContain("var x");
    }

    @Test
    void shouldSplitMarkdownAtAtxHeadingsButNotInsideCode() {
        String md = "# 部署指南\n\n服务用 Docker 打包。\n\n## 健康检查\n\n就绪探针检查 /actuator/health。\n\n```\n# not a heading\n```\n";
        DocumentParser.Parsed parsed = parser.parse(utf8(md), "deploy.md");
        assertThat(parsed.format()).isEqualTo(DocumentParser.Format.MARKDOWN);
        assertThat(parsed.title()).isEqualTo("部署指南");
        assertThat(parsed.sections()).extracting(Section::heading).containsExactly("部署指南", "健康检查");
        assertThat(parsed.sections().get(1).text()).contains("就绪探针").contains("# not a heading");
    }

    @Test
    void shouldReadPlainTextWithoutHeadings() {
        DocumentParser.Parsed parsed = parser.parse(utf8("# not markdown here\nJust a line.\nAnother line."), "a.txt");
        assertThat(parsed.format()).isEqualTo(DocumentParser.Format.TEXT);
        assertThat(parsed.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isNull();
            assertThat(s.text()).contains("Just a line.\nAnother line.");
        });
    }

    @Test
    void shouldReadTextAsTextWhateverItsName() {
        DocumentParser.Parsed parsed = parser.parse(utf8("Plain words in a file called notes.pdf."), "notes.pdf");
        assertThat(parsed.format()).isEqualTo(DocumentParser.Format.TEXT);
        assertThat(parsed.text()).isEqualTo("Plain words in a file called notes.pdf.");
    }

    @Test
    void shouldRejectAnEncryptedPdf() {
        assertThatThrownBy(() -> parser.parse(UploadFixtures.encryptedPdf(), "secret.pdf"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.detail()).contains("password");
                });
    }

    @Test
    void shouldRejectATruncatedPdf() {
        for (double share : new double[] {0.3, 0.6, 0.9}) {
            assertThatThrownBy(() -> parser.parse(UploadFixtures.truncatedPdf(share), "cut.pdf")).as("cut at " + share)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(422);
                        assertThat(e.detail()).contains("corrupt");
                    });
        }
    }

    @Test
    void shouldRejectAPdfWhoseBodyIsGarbage() {
        byte[] head = utf8("%PDF-1.7\n");
        byte[] garbage = new byte[4000];
        new java.util.Random(7).nextBytes(garbage);
        byte[] tail = utf8("\n%%EOF\n");
        byte[] pdf = new byte[head.length + garbage.length + tail.length];
        System.arraycopy(head, 0, pdf, 0, head.length);
        System.arraycopy(garbage, 0, pdf, head.length, garbage.length);
        System.arraycopy(tail, 0, pdf, head.length + garbage.length, tail.length);
        assertThatThrownBy(() -> parser.parse(pdf, "garbage.pdf"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.detail()).contains("PDF");
                });
    }

    @Test
    void shouldStopAtThePageLimit() {
        String[] pages = Collections.nCopies(6, "A page.").toArray(String[]::new);
        assertThatThrownBy(() -> new DocumentParser(5, 100_000).parse(UploadFixtures.pdf(null, pages), "long.pdf"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(413);
                    assertThat(e.detail()).contains("5 pages");
                });
    }

    @Test
    void shouldStopAtTheCharacterLimit() {
        assertThatThrownBy(() -> new DocumentParser(5, 100).parse(utf8("word ".repeat(50)), "long.txt"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(413));
    }

    @Test
    void shouldRejectOtherTypesByTheirContentWhateverTheirName() {
        for (var file : List.of(UploadFixtures.zip(), UploadFixtures.png(), UploadFixtures.executable())) {
            assertThatThrownBy(() -> parser.parse(file, "report.pdf"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(415);
                        assertThat(e.detail()).contains("detected from its bytes");
                    });
        }
        assertThat(parser.detect(UploadFixtures.zip(), "a.docx").toString()).isEqualTo("application/zip");
    }

    @Test
    void shouldRejectAPdfWithoutText() {
        assertThatThrownBy(() -> parser.parse(UploadFixtures.pdf(null, ""), "scan.pdf"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.detail()).contains("OCR");
                });
    }
}
