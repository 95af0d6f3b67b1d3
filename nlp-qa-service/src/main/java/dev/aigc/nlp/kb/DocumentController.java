package dev.aigc.nlp.kb;

import dev.aigc.nlp.web.StrictUtf8;
import dev.aigc.serving.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.util.List;

@Validated
@RestController
@RequestMapping("/api/v1/qa/documents")
@Tag(name = "Knowledge base", description = "The documents questions are answered from")
class DocumentController {

    private static final String TEXT_EXAMPLE = "Maven builds Java projects from a pom.xml. Install it with SDKMAN and "
            + "check it with mvn -v.";

    /*
     * The three forms share one OpenAPI operation (one path and method), so they share its summary and description.
     */
    static final String INGEST_SUMMARY = "Ingest a document: JSON, a plain-text/Markdown body, or an uploaded file";
    static final String INGEST_DESCRIPTION = """
            Answered 201 with a Location only once the document is committed to disk. Three request forms:
            **application/json** (title, text, source, lang); **text/plain** or **text/markdown** body with title, \
            source and lang as query parameters; **multipart/form-data**: an uploaded file (part `file`) in PDF, DOCX, \
            HTML, Markdown or plain text, with optional parts title, lang, id and source.

            For an upload the type is detected from the file's bytes (Apache Tika), not from its name or \
            Content-Type. The title, when not given, is the file's own (PDF/DOCX properties, HTML `<title>`), else \
            its first heading, else the file name; lang is detected when omitted. Citations of its passages carry \
            the PDF `page` or the section `heading`. Limits: over `spring.servlet.multipart.max-file-size` (10 MB), \
            `nlp.kb.upload.max-pages` (200) or `nlp.kb.max-document-chars` of text → 413; another type → 415; an \
            encrypted, corrupt or textless file → 422; a taken id → 409. Nothing is stored unless the whole file \
            was read. Example: `curl -F file=@handbook.pdf -F lang=en http://localhost:8083/api/v1/qa/documents`""";
    /* Optional in the OpenAPI operation that all three forms share (checked in the method: 400 without it). */
    static final String TEXT_TITLE = "Required with a text/plain or text/markdown body (400 without it); "
            + "not used by the JSON and multipart forms";
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    static final String ID_MESSAGE = "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private final KnowledgeBase kb;
    private final KbProperties properties;
    private final DocumentParser parser;

    DocumentController(KnowledgeBase kb, KbProperties properties, DocumentParser parser) {
        this.kb = kb;
        this.properties = properties;
        this.parser = parser;
    }

    @Operation(operationId = "createDocument", summary = INGEST_SUMMARY, description = INGEST_DESCRIPTION)
    @ApiResponse(responseCode = "201", description = "Stored; Location names the document")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentResponse> create(@Valid @RequestBody DocumentRequest request) {
        return created(new KnowledgeBase.NewDocument(request.title(), request.text(), request.source(), request.lang()));
    }

    @Operation(operationId = "createDocument", summary = INGEST_SUMMARY, description = INGEST_DESCRIPTION)
    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_MARKDOWN_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string", example = TEXT_EXAMPLE)),
            @Content(mediaType = MediaType.TEXT_MARKDOWN_VALUE, schema = @Schema(type = "string",
                    example = "# Installing Maven\n\n" + TEXT_EXAMPLE))})
    ResponseEntity<DocumentResponse> createFromText(@Parameter(description = TEXT_TITLE, example = "Installing Maven")
                                                    @RequestParam(required = false) @Size(max = 200) String title,
                                                    @Parameter(example = "team wiki")
                                                    @RequestParam(required = false) @Size(max = 500) String source,
                                                    @Parameter(example = "en") @RequestParam(required = false)
                                                    @Pattern(regexp = "zh|en", message = "must be 'zh' or 'en'") String lang,
                                                    @RequestBody byte[] body) {
        if (title == null || title.isBlank()) {
            throw ApiException.badRequest("the query parameter 'title' is required with a text/plain or "
                    + "text/markdown body");
        }
        String text = StrictUtf8.decode(body);
        if (text.isBlank()) {
            throw ApiException.badRequest("the document text is empty");
        }
        return created(new KnowledgeBase.NewDocument(title, text, source, lang));
    }

    @Operation(operationId = "createDocument", summary = INGEST_SUMMARY, description = INGEST_DESCRIPTION)
    @ApiResponse(responseCode = "201", description = "Stored and committed")
    @ApiResponse(responseCode = "409", description = "The given id is taken", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Over the size, page or text limit", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Not PDF, DOCX, HTML, Markdown or plain text", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Encrypted, corrupt or without text", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentResponse> upload(
            @Parameter(description = "The file: PDF, DOCX, HTML, Markdown or plain text") @RequestPart("file")
            MultipartFile file,
            @Parameter(description = "Title; by default the file's own, its first heading or the file name")
            @RequestPart(name = "title", required = false) @Size(max = 200) String title,
            @Parameter(description = "zh or en; detected when omitted", schema = @Schema(allowableValues = {"zh", "en"}))
            @RequestPart(name = "lang", required = false)
            @Pattern(regexp = "zh|en", message = "must be 'zh' or 'en'") String lang,
            @Parameter(description = "The document's id (letters, digits, . _ -); a random UUID when omitted; "
                    + "409 if taken") @RequestPart(name = "id", required = false)
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
            @Parameter(description = "Where it came from; the file name when omitted")
            @RequestPart(name = "source", required = false) @Size(max = 500) String source) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badRequest("the uploaded file 'file' is empty");
        }
        DocumentParser.Parsed parsed = parser.parse(file.getBytes(), file.getOriginalFilename());
        String name = baseName(file.getOriginalFilename());
        String chosenTitle = abbreviate(firstNonBlank(title, parsed.title(), stripExtension(name), "Uploaded document"),
                199);
        KnowledgeBase.NewDocument doc = new KnowledgeBase.NewDocument(chosenTitle, parsed.text(),
                firstNonBlank(source, name), lang);
        checkLength(doc.text());
        return created(kb.ingest(doc, id, parsed.sections()));
    }

    private ResponseEntity<DocumentResponse> created(KnowledgeBase.NewDocument doc) {
        checkLength(doc.text());
        return created(kb.ingest(doc));
    }

    private void checkLength(String text) {
        if (text.length() > properties.maxDocumentChars()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Document too large", "the document text has "
                    + text.length() + " characters; the limit is " + properties.maxDocumentChars());
        }
    }

    private static ResponseEntity<DocumentResponse> created(KbDocument stored) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(stored.id()).toUri()).body(DocumentResponse.of(stored));
    }

    /** The file name without any directory part (some browsers send a whole path), or null. */
    private static String baseName(String original) {
        if (original == null) {
            return null;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? null : abbreviate(name, 499);
    }

    private static String stripExtension(String name) {
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @Operation(operationId = "getDocument", summary = "One document with its full text")
    @GetMapping("/{id}")
    DocumentResponse get(@Parameter(example = "en-activation-functions") @PathVariable @Size(max = 100) String id) {
        return DocumentResponse.of(kb.get(id));
    }

    @ApiResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteDocument", summary = "Delete a document and its chunks")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 100) String id) {
        kb.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "listDocuments", summary = "A page of documents, texts abbreviated")
    @GetMapping
    DocumentResponse.Page list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<DocumentResponse> items = kb.list(page, size).stream()
                .map(d -> new DocumentResponse(d.id(), d.title(), abbreviate(d.text()), d.source(), d.lang(),
                        d.createdAt(), d.chunks()))
                .toList();
        return new DocumentResponse.Page(page, size, kb.count(), items);
    }

    private static String abbreviate(String text) {
        return abbreviate(text, 200);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
