package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Events/s through POST /api/signals/usage-events (HTTP, JSON, validation, idempotent insert,
 * roll-ups) against the floor: COPY of the same rows into an identical table in the same run.
 * Run: ./mvnw verify -Pbench (see docs/performance.md).
 */
@QuarkusTest
@Tag("bench")
class IngestBenchmark {

    static final int ACCOUNTS = 1_000;
    static final int BATCH = 10_000;
    static final int BATCHES = Integer.getInteger("bench.ingest.batches", 40);
    static final int SENDERS = 2;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/signals/usage-events")
    URL endpoint;

    @Test
    void ingest_throughput_against_copy() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO accounts (external_id, name, created_at, updated_at) "
                    + "SELECT 'ib-' || g, 'Ingest ' || g, now(), now() FROM generate_series(1, " + ACCOUNTS + ") g");
        }
        Instant base = Instant.parse("2026-06-01T00:00:00Z");
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder copyRows = new StringBuilder();
        for (int b = 0; b < BATCHES; b++) {
            StringBuilder json = new StringBuilder(BATCH * 160).append('[');
            for (int i = 0; i < BATCH; i++) {
                int n = b * BATCH + i;
                String type = n % 10 < 6 ? "login" : n % 10 < 9 ? "feature_use" : "error";
                String at = base.plusSeconds(n * 7L % (60L * 86_400)).toString();
                String feature = type.equals("feature_use") ? "f" + n % 12 : null;
                json.append(i == 0 ? "" : ",").append("{\"eventId\":\"e-").append(n)
                        .append("\",\"account\":\"ib-").append(1 + n % ACCOUNTS)
                        .append("\",\"type\":\"").append(type).append("\",\"userId\":\"u").append(n % 17)
                        .append(feature == null ? "" : "\",\"feature\":\"" + feature)
                        .append("\",\"occurredAt\":\"").append(at).append("\"}");
                copyRows.append("c-").append(n).append(',').append(1 + n % ACCOUNTS).append(',').append(type)
                        .append(",u").append(n % 17).append(',').append(feature == null ? "" : feature)
                        .append(",1,").append(at).append('\n');
            }
            bodies.add(json.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        long total = (long) BATCHES * BATCH;

        String key = Api.keyWithRoles(Roles.INTEGRATION);
        HttpClient http = HttpClient.newHttpClient();
        send(http, key, bodies.subList(0, 2)); // warm-up: JIT, connection pool, plan cache
        long ingestNanos = timed(() -> send(http, key, bodies.subList(2, bodies.size())));
        long ingested = total - 2L * BATCH;

        long copyNanos;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE usage_events_copy (LIKE usage_events INCLUDING ALL)");
            s.execute("ALTER TABLE usage_events_copy ADD FOREIGN KEY (account_id) REFERENCES accounts (id)");
            String sql = "COPY usage_events_copy (event_id, account_id, event_type, user_id, feature, quantity, occurred_at) "
                    + "FROM STDIN WITH (FORMAT csv)";
            String rows = copyRows.toString();
            copyNanos = timed(() -> c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows)));
            s.execute("DROP TABLE usage_events_copy");
        }
        double ingestRate = ingested / (ingestNanos / 1e9);
        double copyRate = total / (copyNanos / 1e9);

        BenchReport report = new BenchReport("Signal ingestion (" + String.format("%,d", ingested) + " usage events, batches of "
                + BATCH + ", " + SENDERS + " concurrent senders)");
        report.row("POST /api/signals/usage-events", BenchReport.perSecond(ingested, ingestNanos),
                "HTTP + JSON + validation + idempotent insert + daily roll-ups");
        report.row("COPY into an identical table (floor)", BenchReport.perSecond(total, copyNanos),
                "same rows, same indexes and foreign key, no roll-ups");
        report.row("ratio COPY / API", String.format("%.2fx", copyRate / ingestRate), "target: within 3x");
        report.print("ingest.md");
        assertThat(ingestRate).isPositive();
    }

    private void send(HttpClient http, String key, List<byte[]> bodies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint.toString()))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + key)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !r.body().contains("\"rejected\":0")) {
                            throw new IllegalStateException("batch " + i + " failed: " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    interface Work {
        void run() throws Exception;
    }

    static long timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
