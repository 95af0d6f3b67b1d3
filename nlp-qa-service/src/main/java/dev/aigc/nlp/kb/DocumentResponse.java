package dev.aigc.nlp.kb;

import java.time.Instant;
import java.util.List;

/** A stored document as returned by the API. */
public record DocumentResponse(String id, String title, String text, String source, String lang, Instant createdAt,
                               int chunks) {

    static DocumentResponse of(KbDocument d) {
        return new DocumentResponse(d.id(), d.title(), d.text(), d.source(), d.lang(), d.createdAt(), d.chunks());
    }

    /** One page of documents (texts abbreviated to 200 characters). */
    public record Page(int page, int size, long total, List<DocumentResponse> items) {
    }
}
