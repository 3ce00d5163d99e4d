package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.NotifyConfig;
import io.cmeautopilot.notify.OutboundMessage;
import io.cmeautopilot.notify.Outbox;
import io.cmeautopilot.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Outbox throughput to a local webhook receiver (deliveries/s: claim, sign, POST, record) against the
 * floor of the same POSTs sent straight from a plain HTTP client with the same parallelism; and the lag
 * from commit to arrival at the receiver at a steady load, against the bare POST latency.
 * Run: ./mvnw verify -Pbench -Dtest=NotifyBenchmark
 */
@QuarkusTest
@Tag("bench")
class NotifyBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.notify.messages", 20_000);
    static final int RATE = Integer.getInteger("bench.notify.rate", 50);
    static final int STEADY_SECONDS = Integer.getInteger("bench.notify.seconds", 30);
    static final int ENQUEUE_BATCH = 500;
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    @Inject
    Outbox outbox;
    @Inject
    NotifyConfig config;

    /**
     * A minimal receiver: counts requests and notes when each sequence number arrived; a slow one
     * answers each request only after {@code answerAfter}, as a struggling real receiver does.
     */
    static final class Sink implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger received = new AtomicInteger();
        final AtomicLongArray arrivedAt;

        Sink(int capacity) {
            this(capacity, Duration.ZERO);
        }

        Sink(int capacity, Duration answerAfter) {
            arrivedAt = new AtomicLongArray(capacity);
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(answerAfter.isZero() ? 8 : 32));
            server.createContext("/", exchange -> {
                if (!answerAfter.isZero()) {
                    try {
                        Thread.sleep(answerAfter.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String body = new String(exchange.getRequestBody().readAllBytes());
                Matcher m = SEQ.matcher(body);
                if (m.find()) {
                    arrivedAt.compareAndSet(Integer.parseInt(m.group(1)), 0, System.nanoTime());
                }
                received.incrementAndGet();
                byte[] ok = {'o', 'k'};
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void outbox_throughput_and_commit_to_delivery_lag() throws Exception {
        int steadyMessages = RATE * STEADY_SECONDS;
        BenchReport report = new BenchReport("Notification outbox (" + String.format("%,d", MESSAGES) + " webhooks to a local receiver, "
                + config.parallelism() + " deliveries in flight, " + config.endpointParallelism() + " per endpoint)");
        try (Sink sink = new Sink(2 * MESSAGES + 2 * steadyMessages + 1)) {
            // Throughput: fill the outbox while the endpoint is paused, then resume and time the drain.
            String endpoint = Api.uniqueName("bench");
            Notify.webhook(endpoint, sink.url());
            Api.given().when().post("/api/notify/endpoints/" + endpoint + "/pause").then().statusCode(200);
            for (int from = 0; from < MESSAGES; from += ENQUEUE_BATCH) {
                int start = from;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = start; i < Math.min(start + ENQUEUE_BATCH, MESSAGES); i++) {
                        outbox.enqueue(message(endpoint, "t" + i, -1));
                    }
                });
            }
            long begin = System.nanoTime();
            Api.given().when().post("/api/notify/endpoints/" + endpoint + "/resume").then().statusCode(200);
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50)).until(() -> sink.received.get() >= MESSAGES);
            long outboxNanos = System.nanoTime() - begin;
            await().atMost(Duration.ofMinutes(1)).until(() -> Api.given().queryParam("recipient", endpoint)
                    .queryParam("status", "PENDING").when().get("/api/notify/messages").then().extract().jsonPath()
                    .getList("items").isEmpty());
            assertThat(sink.received.get()).isEqualTo(MESSAGES);

            long floorNanos = directPosts(sink.url(), MESSAGES, config.parallelism());
            report.row("deliveries per second (outbox)", BenchReport.perSecond(MESSAGES, outboxNanos),
                    "claim with SKIP LOCKED, resolve endpoint, address check, sign, POST, record attempt");
            report.row("direct POSTs per second (floor)", BenchReport.perSecond(MESSAGES, floorNanos),
                    "the same bodies from a plain HTTP client, " + config.parallelism() + " threads, nothing recorded");
            report.row("ratio outbox / floor", String.format("%.2fx", (double) outboxNanos / floorNanos), "time per message");

            // Lag: one message per transaction at a steady rate, as actions commit; commit to arrival.
            String steady = Api.uniqueName("steady");
            Notify.webhook(steady, sink.url());
            long t0 = System.nanoTime();
            long[] lags = steadyLags(sink, List.of(steady), null, MESSAGES);
            long sendNanos = sendEnded - t0;
            long[] direct = directLatencies(sink.url(), 2_000);
            report.row("steady load", BenchReport.perSecond(steadyMessages, sendNanos),
                    String.format("%,d messages, one per transaction, target %d/s", steadyMessages, RATE));
            report.row("commit to delivery, p50", millis(lags[steadyMessages / 2]), "commit returned -> request at the receiver");
            report.row("commit to delivery, p99", millis(lags[steadyMessages * 99 / 100]), "max " + millis(lags[steadyMessages - 1]));
            report.row("bare POST, p50 / p99 (floor)", millis(direct[direct.length / 2]) + " / " + millis(direct[direct.length * 99 / 100]),
                    "one request at a time, plain HTTP client");

            // Lag beside a slow endpoint: the same steady load spread over four healthy endpoints, alone
            // and then with a fifth endpoint whose receiver takes 10 s getting one message more every 10th.
            long[] alone = spreadLags(sink, null, 2 * MESSAGES);
            try (Sink slowSink = new Sink(1, Duration.ofSeconds(10))) {
                String slow = Api.uniqueName("slow");
                Notify.webhook(slow, slowSink.url());
                long[] beside = spreadLags(sink, slow, 2 * MESSAGES + steadyMessages);
                report.row("4 healthy endpoints, commit to delivery p50 / p99",
                        millis(alone[alone.length / 2]) + " / " + millis(alone[alone.length * 99 / 100]),
                        "the steady load spread over four endpoints");
                report.row("the same beside a slow endpoint, p50 / p99",
                        millis(beside[beside.length / 2]) + " / " + millis(beside[beside.length * 99 / 100]),
                        "healthy endpoints' messages; a fifth endpoint answering after 10 s gets one more every 10th");
                report.row("ratio beside slow / alone, p50 / p99",
                        String.format("%.2fx / %.2fx", (double) beside[beside.length / 2] / alone[alone.length / 2],
                                (double) beside[beside.length * 99 / 100] / alone[alone.length * 99 / 100]),
                        "target: within 2x; " + slowSink.received.get() + " requests reached the slow receiver meanwhile");
            }
        }
        report.print("notify.md");
    }

    /** Commit-to-arrival lags of a steady load to four new healthy endpoints, all on {@code sink}. */
    private long[] spreadLags(Sink sink, String slow, int seqBase) {
        List<String> healthy = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            healthy.add(Api.uniqueName("healthy"));
            Notify.webhook(healthy.get(e), sink.url());
        }
        return steadyLags(sink, healthy, slow, seqBase);
    }

    /** When the last message of the latest steady load was committed. */
    private long sendEnded;

    /**
     * Commit-to-arrival lags, sorted, of {@link #RATE} messages a second for {@link #STEADY_SECONDS}, one
     * per transaction, round-robin over {@code endpoints} (on {@code sink}), plus one more to {@code slow}
     * (if given) every 10th; sequence numbers start at {@code seqBase}.
     */
    private long[] steadyLags(Sink sink, List<String> endpoints, String slow, int seqBase) {
        int count = RATE * STEADY_SECONDS;
        long[] committedAt = new long[count];
        long period = 1_000_000_000L / RATE;
        int before = sink.received.get();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = t0 + i * period;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            int seq = seqBase + i;
            String to = endpoints.get(i % endpoints.size());
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(message(to, "s" + seq, seq)));
            committedAt[i] = System.nanoTime();
            if (slow != null && i % 10 == 9) {
                QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(message(slow, "slow" + seq, -1)));
            }
        }
        sendEnded = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).until(() -> sink.received.get() >= before + count);
        long[] lags = new long[count];
        for (int i = 0; i < count; i++) {
            lags[i] = sink.arrivedAt.get(seqBase + i) - committedAt[i];
        }
        Arrays.sort(lags);
        return lags;
    }

    private static OutboundMessage message(String endpoint, String key, int seq) {
        return Notify.toEndpoint(endpoint, Api.uniqueName(key)).eventType("bench.event")
                .payload(Map.of("seq", seq, "account", "acme", "text", "x".repeat(200))).build();
    }

    private static long directPosts(String url, int count, int threads) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"type\":\"bench.event\",\"data\":{\"seq\":-1,\"text\":\"" + "x".repeat(200) + "\"}}";
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long begin = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .header("webhook-signature", "v1,x").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                while (next.getAndIncrement() < count) {
                    try {
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    } catch (IOException e) {
                        http.send(request, HttpResponse.BodyHandlers.discarding()); // a pooled connection the server closed
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return System.nanoTime() - begin;
    }

    private static long[] directLatencies(String url, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{\"seq\":-1}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static String millis(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
