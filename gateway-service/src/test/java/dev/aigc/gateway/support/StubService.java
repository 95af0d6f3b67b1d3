package dev.aigc.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ServerSocketFactory;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stand-in for one downstream service on a fixed loopback port: records every request, answers scripted
 * responses for a method and path in order, and otherwise what a service would answer: readiness {@code UP}, an
 * OpenAPI document with one path under the service's prefix, and for anything else a JSON echo naming the service.
 * It can be stopped and started again on the same port, like a service that crashes and comes back.
 */
public final class StubService {

    private final String name;
    private final String apiPrefix;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    private volatile MockWebServer server;
    private final int port;

    StubService(String name, String apiPrefix) {
        this.name = name;
        this.apiPrefix = apiPrefix;
        this.server = newServer();
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = server.getPort();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The path the stub's OpenAPI document lists (routed to this service by the gateway). */
    public String examplePath() {
        return apiPrefix + "/example";
    }

    /** Answers the next requests for {@code method path} (path without query) with {@code responses}, in order. */
    public void script(String method, String path, MockResponse... responses) {
        scripted.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addAll(List.of(responses));
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String path) {
        return requests.stream().filter(r -> method.equals(r.getMethod()) && path.equals(pathOf(r))).count();
    }

    public void reset() {
        requests.clear();
        scripted.clear();
    }

    public synchronized void stop() throws IOException {
        server.shutdown();
    }

    public synchronized void start() throws IOException {
        server = newServer();
        server.start(port);
    }

    private MockWebServer newServer() {
        MockWebServer mock = new MockWebServer();
        mock.setServerSocketFactory(new ReusingServerSocketFactory());
        mock.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                Deque<MockResponse> queue = scripted.get(request.getMethod() + " " + pathOf(request));
                MockResponse next = queue == null ? null : queue.poll();
                return next != null ? next : defaultAnswer(request);
            }
        });
        return mock;
    }

    private MockResponse defaultAnswer(RecordedRequest request) {
        String path = pathOf(request);
        if (path.equals("/actuator/health/readiness")) {
            return json(200, "{\"status\":\"UP\"}");
        }
        if (path.equals("/v3/api-docs")) {
            return json(200, """
                    {"openapi":"3.1.0","info":{"title":"%s","version":"1"},
                     "servers":[{"url":"http://%s-internal:8000","description":"Generated server url"}],
                     "paths":{"%s":{"get":{"operationId":"example","responses":{"200":{"description":"OK"}}}}}}
                    """.formatted(name, name, examplePath()));
        }
        return json(200, "{\"service\":\"%s\",\"method\":\"%s\",\"path\":\"%s\"}"
                .formatted(name, request.getMethod(), request.getPath()));
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    static String pathOf(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /**
     * MockWebServer binds without SO_REUSEADDR, so a restart on the same port fails while the gateway's closed
     * connections to the old instance linger; a real service restarting would reuse the address.
     */
    private static final class ReusingServerSocketFactory extends ServerSocketFactory {

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public void setReuseAddress(boolean ignored) throws SocketException {
                    super.setReuseAddress(true);
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
            throw new UnsupportedOperationException();
        }
    }
}
