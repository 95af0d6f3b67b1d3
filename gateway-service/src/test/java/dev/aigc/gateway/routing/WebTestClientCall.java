package dev.aigc.gateway.routing;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

final class WebTestClientCall {

    private WebTestClientCall() {
    }

    /** {@code method path}, with {@code json} as the body for methods that carry one. */
    static WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String path, String json,
                                           String apiKey) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path).header("X-API-Key", apiKey);
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
        }
        return request.exchange();
    }
}
