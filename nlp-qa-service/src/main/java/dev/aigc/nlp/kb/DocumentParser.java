package dev.aigc.nlp.kb;

import dev.aigc.serving.web.ApiException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an uploaded file with Apache Tika: detects its type from the bytes (the file name only refines a text
 * type, e.g. {@code .md}), accepts PDF, DOCX, HTML, Markdown and plain text, and parses it fully into memory, into
 * {@link Section}s that keep their page (PDF) or heading. Nothing is written anywhere: a file that fails here leaves
 * no trace. Failures are {@link ApiException}s: 415 for another type, 413 past the page or character limit, 422 for
 * an encrypted, corrupt or textless file.
 */
public final class DocumentParser {

    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final EmbeddedDocumentExtractor SKIP_EMBEDDED = new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
        }
    };

    private final AutoDetectParser parser = new AutoDetectParser();
    private final MediaTypeRegistry types = MediaTypeRegistry.getDefaultRegistry();
    private final int maxPages;
    private final int maxChars;

    public DocumentParser(int maxPages, int maxChars) {
        this.maxPages = maxPages;
        this.maxChars = maxChars;
    }

    /** The formats accepted, each with its canonical media type. */
    public enum Format {
        PDF("application/pdf", "PDF"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
        HTML("text/html", "HTML"),
        MARKDOWN("text/markdown", "Markdown"),
        TEXT("text/plain", "plain-text");

        private final MediaType type;
        private final String label;

        Format(String type, String label) {
            this.type = MediaType.parse(type);
            this.label = label;
        }

        public MediaType type() {
            return type;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A parsed file: its format, the title found in it (null if none), its whole text and its sections. */
    public record Parsed(Format format, String title, String text, List<Section> sections, int pages) {
    }

    /**
     * The media type of {@code bytes}, detected from the content alone; only when that says plain text does the file
     * name ({@code .md}, {@code .csv}...) refine it, so a ZIP named {@code x.docx} stays a ZIP.
     */
    public MediaType detect(byte[] bytes, String fileName) {
        MediaType type = detect(bytes, metadata(null));
        if (type.equals(Format.TEXT.type()) && fileName != null && !fileName.isBlank()) {
            MediaType named = detect(bytes, metadata(fileName));
            if (types.isSpecializationOf(named, type)) {
                return named;
            }
        }
        return type;
    }

    private MediaType detect(byte[] bytes, Metadata metadata) {
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return types.normalize(parser.getDetector().detect(in, metadata)).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Parsed parse(byte[] bytes, String fileName) {
        MediaType type = detect(bytes, fileName);
        Format format = format(type);
        if (format == Format.PDF && !endsWithEofMarker(bytes)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable document", "the PDF file is "
                    + "truncated or corrupt: it lacks the %%EOF end-of-file marker that ends every complete PDF");
        }
        // the detected type as the only hint: a file name could still sway Tika's own detection (text named .pdf)
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        boolean text = format == Format.TEXT || format == Format.MARKDOWN;
        SectionHandler handler = new SectionHandler(maxPages, maxChars, text);
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, SKIP_EMBEDDED);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setCatchIntermediateIOExceptions(false);
        pdf.setExtractInlineImages(false);
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw encrypted(format);
        } catch (SAXException e) {
            SectionHandler.LimitExceeded limit = limitIn(e);
            if (limit != null) {
                throw tooLarge(limit.limit(), limit.max());
            }
            throw corrupt(format, e);
        } catch (TikaException | IOException | RuntimeException e) {
            SectionHandler.LimitExceeded limit = limitIn(e);
            if (limit != null) {
                throw tooLarge(limit.limit(), limit.max());
            }
            if (hasCause(e, EncryptedDocumentException.class)) {
                throw encrypted(format);
            }
            throw corrupt(format, e);
        } catch (LinkageError e) {
            // a parser path needing a library left out of the build (BouncyCastle for certificate-encrypted PDFs)
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable document", "the " + format
                    + " file uses a feature this service cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
        int pages = Math.max(handler.pages(), recordedPages(metadata));
        if (pages > maxPages) {
            throw tooLarge(SectionHandler.Limit.PAGES, maxPages);
        }
        List<Section> sections = format == Format.MARKDOWN ? markdownSections(handler.sections())
                : handler.sections();
        if (sections.isEmpty()) {
            throw ApiException.unprocessable("no text could be extracted from the " + format + " file"
                    + (format == Format.PDF ? " (a scanned PDF holds only images; OCR is not supported)" : ""));
        }
        String title = firstNonBlank(metadata.get(TikaCoreProperties.TITLE),
                format == Format.MARKDOWN ? firstHeading(sections) : handler.firstHeading());
        return new Parsed(format, title, wholeText(sections), sections, pages);
    }

    private Format format(MediaType type) {
        for (Format f : Format.values()) {
            if (f.type().equals(type) || (f == Format.HTML && type.toString().equals("application/xhtml+xml"))) {
                return f;
            }
        }
        if (types.isSpecializationOf(type, Format.TEXT.type())) {
            return Format.TEXT;
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported document type", "the file's content is "
                + type + " (detected from its bytes); accepted: PDF, DOCX, HTML, Markdown and plain text");
    }

    /**
     * Whether the last KB holds {@code %%EOF}, the marker on the last line of a PDF (ISO 32000-1, 7.5.5). PDFBox
     * reads leniently: a file cut off in its cross-reference table or trailer is rebuilt from the objects it finds,
     * without an error and without saying what was lost, so a PDF without the marker is refused as truncated.
     */
    static boolean endsWithEofMarker(byte[] bytes) {
        byte[] marker = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = bytes.length - marker.length; i >= Math.max(0, bytes.length - 1024); i--) {
            if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                return true;
            }
        }
        return false;
    }

    private static Metadata metadata(String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        return metadata;
    }

    private static int recordedPages(Metadata metadata) {
        int pages = 0;
        for (String value : new String[] {metadata.get(PagedText.N_PAGES), metadata.get(Office.PAGE_COUNT)}) {
            if (value != null) {
                try {
                    pages = Math.max(pages, Integer.parseInt(value.strip()));
                } catch (NumberFormatException ignored) {
                    // an unreadable count in the file's metadata is no reason to refuse it
                }
            }
        }
        return pages;
    }

    /** Splits Markdown at ATX headings ({@code # Title}); the heading lines themselves become section headings. */
    static List<Section> markdownSections(List<Section> plain) {
        List<Section> out = new ArrayList<>();
        for (Section s : plain) {
            String heading = s.heading();
            StringBuilder text = new StringBuilder();
            boolean fenced = false;
            for (String line : s.text().split("\\R", -1)) {
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                }
                Matcher m = fenced ? null : ATX_HEADING.matcher(line);
                if (m != null && m.matches()) {
                    add(out, s.page(), heading, text);
                    heading = m.group(1).strip();
                } else {
                    text.append(line).append('\n');
                }
            }
            add(out, s.page(), heading, text);
        }
        return out;
    }

    private static void add(List<Section> out, Integer page, String heading, StringBuilder text) {
        String t = text.toString().strip();
        if (!t.isEmpty()) {
            out.add(new Section(page, heading, t));
        }
        text.setLength(0);
    }

    private static String firstHeading(List<Section> sections) {
        return sections.stream().map(Section::heading).filter(h -> h != null).findFirst().orElse(null);
    }

    /** The sections as one text: each heading on its own line before its text, sections apart by a blank line. */
    private static String wholeText(List<Section> sections) {
        StringBuilder sb = new StringBuilder();
        String heading = null;
        for (Section s : sections) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            if (s.heading() != null && !s.heading().equals(heading)) {
                sb.append(s.heading()).append("\n");
            }
            heading = s.heading();
            sb.append(s.text());
        }
        return sb.toString();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static ApiException tooLarge(SectionHandler.Limit limit, int max) {
        return limit == SectionHandler.Limit.PAGES
                ? new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Too many pages",
                "the document has more than " + max + " pages; the limit is " + max)
                : new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Document too large",
                "the document's text has more than " + max + " characters; the limit is " + max);
    }

    private static ApiException encrypted(Format format) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Encrypted document", "the " + format
                + " file is password-protected (encrypted); remove the password and upload it again");
    }

    private static ApiException corrupt(Format format, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = why.indexOf('\n');
        why = newline >= 0 ? why.substring(0, newline) : why;
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable document", "the file is detected as "
                + format + " but could not be parsed; it may be corrupt or truncated (" + abbreviate(why) + ")", e);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static SectionHandler.LimitExceeded limitIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SectionHandler.LimitExceeded limit) {
                return limit;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
