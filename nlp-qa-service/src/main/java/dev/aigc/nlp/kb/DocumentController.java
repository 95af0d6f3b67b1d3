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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@Validated
@RestController
@RequestMapping("/api/v1/qa/documents")
@Tag(name = "Knowledge base", description = "The documents questions are answered from")
class DocumentController {

    private static final String TEXT_EXAMPLE = "Maven builds Java projects from a pom.xml. Install it with SDKMAN and "
            + "check it with mvn -v.";

    private final KnowledgeBase kb;
    private final KbProperties properties;

    DocumentController(KnowledgeBase kb, KbProperties properties) {
        this.kb = kb;
        this.properties = properties;
    }

    @Operation(operationId = "createDocument",
            summary = "Ingest a document (JSON); answered 201 only once it is committed to disk")
    @ApiResponse(responseCode = "201", description = "Stored; Location names the document")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentResponse> create(@Valid @RequestBody DocumentRequest request) {
        return created(new KnowledgeBase.NewDocument(request.title(), request.text(), request.source(), request.lang()));
    }

    @Operation(operationId = "createDocument",
            summary = "Ingest a plain-text or Markdown body; title, source and lang as query parameters")
    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_MARKDOWN_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string", example = TEXT_EXAMPLE)),
            @Content(mediaType = MediaType.TEXT_MARKDOWN_VALUE, schema = @Schema(type = "string",
                    example = "# Installing Maven\n\n" + TEXT_EXAMPLE))})
    ResponseEntity<DocumentResponse> createFromText(@Parameter(example = "Installing Maven")
                                                    @RequestParam @NotBlank @Size(max = 200) String title,
                                                    @Parameter(example = "team wiki")
                                                    @RequestParam(required = false) @Size(max = 500) String source,
                                                    @Parameter(example = "en") @RequestParam(required = false)
                                                    @Pattern(regexp = "zh|en", message = "must be 'zh' or 'en'") String lang,
                                                    @RequestBody byte[] body) {
        String text = StrictUtf8.decode(body);
        if (text.isBlank()) {
            throw ApiException.badRequest("the document text is empty");
        }
        return created(new KnowledgeBase.NewDocument(title, text, source, lang));
    }

    private ResponseEntity<DocumentResponse> created(KnowledgeBase.NewDocument doc) {
        if (doc.text().length() > properties.maxDocumentChars()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Document too large", "the document text has "
                    + doc.text().length() + " characters; the limit is " + properties.maxDocumentChars());
        }
        KbDocument stored = kb.ingest(doc);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(stored.id()).toUri()).body(DocumentResponse.of(stored));
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
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
