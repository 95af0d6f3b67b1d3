package dev.aigc.nlp.kb;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files for the upload tests, built in code (PDFBox, POI, the JDK's zip) so no binary fixture is committed. */
final class UploadFixtures {

    /** An English fact found only on page 2 of {@link #threePagePdf()}. */
    static final String PAGE_TWO_FACT = "The Halvorsen telescope array in Tromso has exactly forty-two receiving dishes.";
    /** The whole text of page 2: three lines once wrapped at 90 characters. */
    static final String PAGE_TWO = PAGE_TWO_FACT + " The dishes were installed between 2011 and 2014 and each one "
            + "measures nine metres across. The array is operated by a small team of engineers who service it every "
            + "spring.";

    private UploadFixtures() {
    }

    /** Three pages: an introduction, the fact of {@link #PAGE_TWO_FACT}, and an unrelated closing page. */
    static byte[] threePagePdf() {
        return pdf(null,
                "Radio astronomy observes the sky at radio wavelengths. Large arrays combine many antennas so that "
                        + "they act as one instrument with a much larger aperture than any single dish.",
                PAGE_TWO,
                "Visitors can tour the control building on weekdays. Photography is allowed outside the fence but "
                        + "not inside the equipment halls.");
    }

    /** A PDF with one page per text, Helvetica 11 pt, wrapped at about 90 characters; {@code title} in its info. */
    static byte[] pdf(String title, String... pages) {
        try (PDDocument doc = new PDDocument()) {
            if (title != null) {
                doc.getDocumentInformation().setTitle(title);
            }
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(14);
                    content.newLineAtOffset(60, 720);
                    for (String line : wrap(text, 90)) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #threePagePdf()} protected with a user (open) password, AES-128. */
    static byte[] encryptedPdf() {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(threePagePdf())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code share} of {@link #threePagePdf()}'s bytes: cut off like an interrupted download. */
    static byte[] truncatedPdf(double share) {
        byte[] full = threePagePdf();
        return Arrays.copyOf(full, (int) (full.length * share));
    }

    /** A DOCX: an introduction, then each heading (style "heading 1") followed by its paragraph. */
    static byte[] docx(String intro, String... headingsAndParagraphs) {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFStyles styles = doc.createStyles();
            CTStyle heading = CTStyle.Factory.newInstance();
            heading.setStyleId("Heading1");
            heading.setType(STStyleType.PARAGRAPH);
            heading.addNewName().setVal("heading 1");
            styles.addStyle(new XWPFStyle(heading));
            doc.createParagraph().createRun().setText(intro);
            for (int i = 0; i + 1 < headingsAndParagraphs.length; i += 2) {
                XWPFParagraph h = doc.createParagraph();
                h.setStyle("Heading1");
                h.createRun().setText(headingsAndParagraphs[i]);
                doc.createParagraph().createRun().setText(headingsAndParagraphs[i + 1]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip archive holding one text file. */
    static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("Some notes inside an archive.".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A tiny PNG (the JDK's ImageIO). */
    static byte[] png() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first 4 KB of the JVM's own launcher: a real ELF executable. */
    static byte[] executable() {
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(System.getProperty("java.home"),
                "bin", "java"))) {
            return in.readNBytes(4096);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
