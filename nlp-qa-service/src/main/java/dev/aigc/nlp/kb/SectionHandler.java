package dev.aigc.nlp.kb;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns Tika's XHTML into {@link Section}s: a new section at every PDF page ({@code <div class="page">}) and at
 * every heading ({@code <h1>}..{@code <h6>}, which Tika emits for HTML headings and for DOCX paragraphs styled
 * "Heading N"). Block elements end a line; inside a block, whitespace (PDF line wraps included) collapses to one
 * space, or to nothing between two Han characters. Stops the parse as soon as a limit is passed.
 */
final class SectionHandler extends DefaultHandler {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "br", "pre", "blockquote", "table",
            "ul", "ol", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6");

    private final int maxPages;
    private final int maxChars;
    private final boolean keepLineBreaks;
    private final List<Section> sections = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private StringBuilder headingText;
    private Integer page;
    private String heading;
    private String firstHeading;
    private int skipDepth;
    private int chars;
    private boolean pendingSpace;

    /** {@code keepLineBreaks}: plain text and Markdown, whose line breaks carry meaning. */
    SectionHandler(int maxPages, int maxChars, boolean keepLineBreaks) {
        this.maxPages = maxPages;
        this.maxChars = maxChars;
        this.keepLineBreaks = keepLineBreaks;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = name(localName, qName);
        if (name.equals("head") || name.equals("script") || name.equals("style")) {
            skipDepth++;
        } else if (name.equals("div") && "page".equals(atts.getValue("class"))) {
            flush();
            page = page == null ? 1 : page + 1;
            if (page > maxPages) {
                throw new LimitExceeded(Limit.PAGES, maxPages);
            }
        } else if (isHeading(name)) {
            flush();
            headingText = new StringBuilder();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (name.equals("head") || name.equals("script") || name.equals("style")) {
            skipDepth--;
        } else if (isHeading(name) && headingText != null) {
            String h = headingText.toString().replaceAll("\\s+", " ").strip();
            headingText = null;
            if (!h.isEmpty()) {
                heading = h;
                if (firstHeading == null) {
                    firstHeading = h;
                }
            }
        } else if (BLOCKS.contains(name)) {
            newLine();
        } else if (name.equals("td") || name.equals("th")) {
            pendingSpace = true;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        chars += length;
        if (chars > maxChars) {
            throw new LimitExceeded(Limit.CHARS, maxChars);
        }
        StringBuilder out = headingText != null ? headingText : text;
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (keepLineBreaks && (c == '\n' || c == '\r') && out == text) {
                text.append(c);
                pendingSpace = false;
            } else if (Character.isWhitespace(c) || c == '\u00A0') {
                pendingSpace = true;
            } else {
                if (pendingSpace && !out.isEmpty() && !atLineStart(out) && !(isHan(out.charAt(out.length() - 1))
                        && isHan(c))) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
    }

    /** Tika writes the line breaks of a PDF (and after block elements) as ignorable whitespace: still a word gap. */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void endDocument() {
        flush();
    }

    private void newLine() {
        if (headingText == null && !text.isEmpty() && !atLineStart(text)) {
            text.append('\n');
        }
        pendingSpace = false;
    }

    private void flush() {
        String t = text.toString().strip();
        if (!t.isEmpty()) {
            sections.add(new Section(page, heading, t));
        }
        text.setLength(0);
        pendingSpace = false;
    }

    List<Section> sections() {
        return sections;
    }

    /** The first heading seen, or null. */
    String firstHeading() {
        return firstHeading;
    }

    /** Pages seen ({@code <div class="page">}), 0 for formats without pages. */
    int pages() {
        return page == null ? 0 : page;
    }

    private static boolean atLineStart(StringBuilder sb) {
        char last = sb.charAt(sb.length() - 1);
        return last == '\n' || last == '\r';
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    private static String name(String localName, String qName) {
        return (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(java.util.Locale.ROOT);
    }

    /** Which limit stopped the parse. */
    enum Limit { PAGES, CHARS }

    /** Thrown from the handler to stop Tika at the first page or character past a limit. */
    static final class LimitExceeded extends SAXException {

        private final Limit limit;
        private final int max;

        LimitExceeded(Limit limit, int max) {
            super(limit + " limit of " + max + " passed");
            this.limit = limit;
            this.max = max;
        }

        Limit limit() {
            return limit;
        }

        int max() {
            return max;
        }
    }
}
