package io.cmeautopilot.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver for webhooks, started by the test on 127.0.0.1: records every request and
 * answers with the status the test chooses. {@link #stop()} and {@link #start()} play an outage on
 * the same port.
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived: header names are lower-case. */
    public record Request(Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Integer> answer = r -> 200;
    private HttpServer server;
    private int port;

    private Receiver() {
    }

    public static Receiver start(Function<Request, Integer> answer) {
        Receiver receiver = new Receiver();
        receiver.answer = answer;
        receiver.bind(0);
        return receiver;
    }

    public static Receiver accepting() {
        return start(r -> 200);
    }

    public void answer(Function<Request, Integer> value) {
        this.answer = value;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests carrying this webhook id. */
    public List<Request> withId(String webhookId) {
        return requests.stream().filter(r -> webhookId.equals(r.header("webhook-id"))).toList();
    }

    public void stop() {
        server.stop(0);
    }

    /** Starts again on the port it had. */
    public void start() {
        bind(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void bind(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test receiver on port " + wanted, e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(Executors.newFixedThreadPool(16)); // room for requests a test holds
        server.createContext("/", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            Request request = new Request(Map.copyOf(headers),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            int status = answer.apply(request);
            byte[] reply = (status >= 200 && status < 300 ? "ok" : "nope").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }
}
