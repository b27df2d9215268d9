package vn.motcua.integration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A system's webhook receiver started inside the tests: it keeps every request and answers what it is told to. */
final class InTestReceiver implements AutoCloseable {
    /** One request as it arrived: the three Standard Webhooks headers and the body. */
    record Received(String id, String timestamp, String signature, String contentType, String body) { }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    InTestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            var headers = exchange.getRequestHeaders();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks"; }

    /** The HTTP status every further request gets. */
    void answer(int status) { answer.set(status); }

    List<Received> received() { return List.copyOf(received); }

    void clear() { received.clear(); }

    @Override
    public void close() { server.stop(0); }

}
