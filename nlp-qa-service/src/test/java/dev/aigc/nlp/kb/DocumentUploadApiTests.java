package dev.aigc.nlp.kb;

import dev.aigc.nlp.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.aigc.nlp.kb.UploadFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the running service: parsed, stored, answered from and cited with page or heading. Runs in its own
 * context and index (a page limit of 20, closed afterwards): the documents it uploads would otherwise change the term
 * statistics of the shared index, on which the regression guards of {@code RetrievalQualityTest} were measured.
 */
@TestPropertySource(properties = "nlp.kb.upload.max-pages=" + DocumentUploadApiTests.MAX_PAGES)
@DirtiesContext
class DocumentUploadApiTests extends ServiceTestSupport {

    static final int MAX_PAGES = 20;

    private static final String DOCUMENTS = "/api/v1/qa/documents";

    @Test
    void shouldAnswerFromAnUploadedPdfAndCiteThePage() throws Exception {
        Reply created = upload("array-report.pdf", "application/pdf", UploadFixtures.threePagePdf(), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode doc = created.json();
        String id = doc.get("id").asString();
        assertThat(created.location()).endsWith(DOCUMENTS + "/" + id);
        assertThat(doc.get("title").asString()).as("no title or heading in the file: its name").isEqualTo("array-report");
        assertThat(doc.get("lang").asString()).isEqualTo("en");
        assertThat(doc.get("source").asString()).isEqualTo("array-report.pdf");
        assertThat(doc.get("chunks").asInt()).isGreaterThanOrEqualTo(3);

        JsonNode answer = ask("How many receiving dishes does the Halvorsen telescope array have?");
        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("answer").asString()).contains("forty-two");
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("documentId").asString()).isEqualTo(id);
        assertThat(citation.get("page").asInt()).isEqualTo(2);
        assertThat(citation.has("heading")).as("null heading left out").isFalse();
    }

    @Test
    void shouldCiteTheHeadingOfADocxPassage() throws Exception {
        byte[] docx = UploadFixtures.docx("Operations notes for the Quillfeather billing system.",
                "Backup policy", "Database backups of the Quillfeather billing system run every night at 01:30 "
                        + "and are kept for thirty days.",
                "Release calendar", "Quillfeather releases ship on the second Tuesday of every month.");
        Reply created = upload("quillfeather-ops.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx, Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("title").asString()).isEqualTo("Backup policy");

        JsonNode answer = ask("When do the Quillfeather billing database backups run?");
        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("documentId").asString()).isEqualTo(id);
        assertThat(citation.get("heading").asString()).isEqualTo("Backup policy");
        assertThat(citation.has("page")).isFalse();
        assertThat(answer.get("answer").asString()).contains("01:30");
    }

    @Test
    void shouldCiteTheH2HeadingOfAnHtmlPassage() throws Exception {
        String html = "<!DOCTYPE html><html><head><title>Marlowe office guide</title></head><body>"
                + "<h1>Marlowe office</h1><p>The Marlowe office opened in 2019 and hosts the design team.</p>"
                + "<h2>Visitor parking</h2><p>Visitors to the Marlowe office park in the north garage on level minus "
                + "two; the gate opens with the code from the reception desk.</p></body></html>";
        // sent as application/octet-stream: the type comes from the bytes
        Reply created = upload("guide", "application/octet-stream", utf8(html), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("title").asString()).isEqualTo("Marlowe office guide");
        String id = created.json().get("id").asString();

        JsonNode answer = ask("Where do visitors to the Marlowe office park?");
        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("documentId").asString()).isEqualTo(id);
        assertThat(citation.get("heading").asString()).isEqualTo("Visitor parking");
        assertThat(answer.get("answer").asString()).contains("north garage");
    }

    @Test
    void shouldDetectTheLanguageAndTitleOfAChineseMarkdownFile() throws Exception {
        String md = "# 蓝鲸集群手册\n\n蓝鲸集群是数据团队的计算集群。\n\n## 扩容流程\n\n"
                + "蓝鲸集群扩容时，先在控制台提交扩容工单，再由值班工程师在周四晚上执行扩容。\n";
        Reply created = upload("bluewhale.md", "text/markdown", utf8(md), Map.of("source", "内部维基"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("source").asString()).as("form fields read as UTF-8").isEqualTo("内部维基");
        assertThat(created.json().get("lang").asString()).isEqualTo("zh");
        assertThat(created.json().get("title").asString()).isEqualTo("蓝鲸集群手册");
        String id = created.json().get("id").asString();

        JsonNode answer = ask("蓝鲸集群扩容由谁执行？");
        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("documentId").asString()).isEqualTo(id);
        assertThat(citation.get("heading").asString()).isEqualTo("扩容流程");
    }

    @Test
    void shouldUseTheGivenTitleLangIdAndSourceOfAPlainTextFile() throws Exception {
        String id = "upload-" + UUID.randomUUID();
        Map<String, String> fields = Map.of("title", "Kestrel VPN", "lang", "en", "id", id, "source", "it wiki");
        byte[] text = utf8("The Kestrel VPN gateway accepts connections on port 4713.\nUse the company badge to log in.");
        Reply created = upload("kestrel.txt", "text/plain", text, fields);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode doc = created.json();
        assertThat(doc.get("id").asString()).isEqualTo(id);
        assertThat(doc.get("title").asString()).isEqualTo("Kestrel VPN");
        assertThat(doc.get("source").asString()).isEqualTo("it wiki");

        JsonNode answer = ask("Which port does the Kestrel VPN gateway use?");
        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("documentId").asString()).isEqualTo(id);
        assertThat(citation.has("page")).isFalse();
        assertThat(citation.has("heading")).isFalse();

        Reply again = upload("kestrel.txt", "text/plain", text, fields);
        assertProblem(again, 409, "already exists");
    }

    @Test
    void shouldRejectACorruptPdfAndKeepNothing() throws Exception {
        assertRejectedLeavingNothing(upload("cut.pdf", "application/pdf", UploadFixtures.truncatedPdf(0.6),
                Map.of("id", "corrupt-upload")), 422, "truncated", "corrupt-upload");
    }

    @Test
    void shouldRejectAnEncryptedPdfAndKeepNothing() throws Exception {
        assertRejectedLeavingNothing(upload("secret.pdf", "application/pdf", UploadFixtures.encryptedPdf(),
                Map.of("id", "encrypted-upload")), 422, "password", "encrypted-upload");
    }

    @Test
    void shouldRejectAPdfWithTooManyPages() throws Exception {
        String[] pages = Collections.nCopies(MAX_PAGES + 1, "Page text for the page limit.").toArray(String[]::new);
        assertRejectedLeavingNothing(upload("long.pdf", "application/pdf", UploadFixtures.pdf(null, pages),
                Map.of("id", "long-upload")), 413, MAX_PAGES + " pages", "long-upload");
        String[] allowed = Collections.nCopies(MAX_PAGES, "Page text for the page limit.").toArray(String[]::new);
        assertThat(upload("limit.pdf", "application/pdf", UploadFixtures.pdf(null, allowed), Map.of()).status())
                .as("exactly at the limit").isEqualTo(201);
    }

    @Test
    void shouldRejectAFileOverTheSizeLimit() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        long before = count();
        Reply r = upload("big.txt", "text/plain", big, Map.of());
        assertProblem(r, 413, "Upload");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void shouldRejectOtherFileTypesBytheirContent() throws Exception {
        long before = count();
        assertProblem(upload("notes.zip", "application/zip", UploadFixtures.zip(), Map.of()), 415, "application/zip");
        assertProblem(upload("chart.png", "image/png", UploadFixtures.png(), Map.of()), 415, "image/png");
        assertProblem(upload("report.pdf", "application/pdf", UploadFixtures.executable(), Map.of()), 415,
                "detected from its bytes");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void shouldRejectAMissingOrEmptyFile() throws Exception {
        Reply missing = send("POST", DOCUMENTS, "multipart/form-data; boundary=b",
                utf8("--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--b--\r\n"));
        assertProblem(missing, 400, "file");
        assertProblem(send("POST", DOCUMENTS, "text/plain", utf8("A body without a title.")), 400, "title");
        assertProblem(upload("empty.pdf", "application/pdf", new byte[0], Map.of()), 400, "empty");
        assertProblem(upload("a.txt", "text/plain", utf8("Some text."), Map.of("lang", "fr")), 400, "lang");
        assertProblem(upload("a.txt", "text/plain", utf8("Some text."), Map.of("id", "../etc")), 400, "id");
    }

    @Test
    void shouldDocumentTheMultipartUploadInOpenApi() throws Exception {
        JsonNode api = get("/v3/api-docs").json();
        JsonNode content = api.get("paths").get(DOCUMENTS).get("post").get("requestBody").get("content");
        assertThat(content.has("application/json")).isTrue();
        JsonNode form = content.get("multipart/form-data").get("schema");
        if (form.has("$ref")) {
            String ref = form.get("$ref").asString();
            form = api.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        assertThat(form.get("properties").get("file").get("format").asString()).isEqualTo("binary");
        assertThat(form.get("properties").has("title")).isTrue();
        assertThat(form.get("required").toString()).contains("file");
        JsonNode post = api.get("paths").get(DOCUMENTS).get("post");
        assertThat(post.get("responses").has("415")).isTrue();
        for (JsonNode parameter : post.get("parameters")) {
            assertThat(parameter.path("required").asBoolean(false))
                    .as("Swagger UI must not demand the text form's query parameters for an upload: " + parameter)
                    .isFalse();
        }
    }

    private void assertRejectedLeavingNothing(Reply r, int status, String mentions, String id) throws Exception {
        long before = count();
        assertProblem(r, status, mentions);
        assertThat(count()).isEqualTo(before);
        assertThat(get(DOCUMENTS + "/" + id).status()).isEqualTo(404);
    }

    private long count() throws Exception {
        return get(DOCUMENTS + "?size=1").json().get("total").asLong();
    }

    private JsonNode ask(String question) throws Exception {
        return post("/api/v1/qa/ask", json(Map.of("question", question))).json();
    }

    private Reply upload(String fileName, String contentType, byte[] bytes, Map<String, String> fields)
            throws Exception {
        String boundary = "----upload" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : new LinkedHashMap<>(fields).entrySet()) {
            body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n"));
        }
        body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send("POST", DOCUMENTS, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static void assertProblem(Reply r, int status, String mentions) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().has("title")).isTrue();
        assertThat(r.body()).containsIgnoringCase(mentions);
    }
}
