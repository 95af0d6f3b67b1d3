package dev.aigc.nlp.kb;

import org.apache.solr.client.solrj.impl.BinaryResponseParser;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP to one Solr node with {@code java.net.http}: requests with complete byte-array bodies, javabin responses
 * decoded with SolrJ's codec. SolrJ's HttpJdkSolrClient is not used for the transport: it streams request bodies
 * through a pipe written by a thread of a small pool that the HTTP client also reads on, and once a node died in the
 * middle of such a request the writer stayed blocked, the pool ran dry and every later request of that client hung.
 * Here an abandoned request holds nothing, and each request has its own time limit.
 */
final class SolrHttp {

    private final HttpClient http;
    private final Duration requestTimeout;

    SolrHttp(Duration connectTimeout, Duration requestTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    /** GET {@code base + path} with {@code params}. */
    NamedList<Object> get(String base, String path, SolrParams params) throws IOException {
        return send(HttpRequest.newBuilder(uri(base, path, params)).GET());
    }

    /** POST of form-encoded {@code params} (queries: a 512-float vector does not fit in a URL comfortably). */
    NamedList<Object> postForm(String base, String path, SolrParams params) throws IOException {
        ModifiableSolrParams form = new ModifiableSolrParams(params);
        form.set("wt", "javabin");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.toQueryString().substring(1), StandardCharsets.UTF_8)));
    }

    /** POST of {@code body} ({@code contentType}) with {@code params} in the URL. */
    NamedList<Object> post(String base, String path, SolrParams params, String contentType, byte[] body)
            throws IOException {
        return send(HttpRequest.newBuilder(uri(base, path, params)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static URI uri(String base, String path, SolrParams params) {
        ModifiableSolrParams p = new ModifiableSolrParams(params);
        p.set("wt", "javabin");
        return URI.create(base + path + p.toQueryString());
    }

    private NamedList<Object> send(HttpRequest.Builder request) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        NamedList<Object> body = null;
        if (type.startsWith("application/octet-stream") || type.startsWith("application/javabin")) {
            body = new BinaryResponseParser().processResponse(new ByteArrayInputStream(response.body()), null);
        }
        int status = response.statusCode();
        if (status >= 300) {
            throw new SolrException(SolrException.ErrorCode.getErrorCode(status), "HTTP " + status + " from "
                    + response.uri().getHost() + ":" + response.uri().getPort() + ": " + errorMessage(body, response));
        }
        if (body == null) {
            throw new IOException("unexpected response (" + type + ") from " + response.uri());
        }
        return body;
    }

    private static String errorMessage(NamedList<Object> body, HttpResponse<byte[]> response) {
        Object error = body == null ? null : body.get("error");
        if (error instanceof NamedList<?> e && e.get("msg") != null) {
            return String.valueOf(e.get("msg"));
        }
        if (error instanceof Map<?, ?> e && e.get("msg") != null) {
            return String.valueOf(e.get("msg"));
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
