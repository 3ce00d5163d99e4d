package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Claims per second with 16 concurrent HTTP clients (zero double claims allowed) against the same
 * claim as a bare SQL statement on 16 connections, and the latency of "my tasks" with one million
 * tasks in the table. Run: ./mvnw verify -Pbench -Dtest=TaskQueueBenchmark
 */
@QuarkusTest
@Tag("bench")
class TaskQueueBenchmark {

    static final int TOTAL_TASKS = Integer.getInteger("bench.tasks", 1_000_000);
    static final int CLAIMERS = 16;
    static final int QUEUE = 20_000;
    static final int MY_TASKS_REQUESTS = 2_000;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/tasks")
    URL tasks;

    @Test
    void claims_and_my_tasks_latency() throws Exception {
        long account = Api.given().contentType(ContentType.JSON).body(Map.of("externalId", Api.uniqueName("qb"), "name", "Q"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        // One million tasks spread over 200 CMEs in 20 teams, plus two claimable queues.
        sql("INSERT INTO tasks (account_id, type, title, priority, status, assignee, team, due_at, origin, created_by, "
                + "created_at, updated_at) SELECT " + account + ", 'custom', 'Task ' || g, "
                + "(ARRAY['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4], "
                + "(ARRAY['OPEN','OPEN','IN_PROGRESS','SNOOZED','DONE'])[1 + g % 5], 'cme-' || (g % 200), "
                + "'team-' || (g % 20), now() + (g % 1000) * INTERVAL '1 hour', 'manual', 'bench', now(), now() "
                + "FROM generate_series(1, " + (TOTAL_TASKS - 2 * QUEUE) + ") g");
        for (String queue : List.of("http-queue", "sql-queue")) {
            sql("INSERT INTO tasks (account_id, type, title, priority, status, team, origin, created_by, created_at, "
                    + "updated_at) SELECT " + account + ", 'custom', 'Claim ' || g, "
                    + "(ARRAY['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4], 'OPEN', '" + queue + "', 'manual', 'bench', "
                    + "now(), now() FROM generate_series(1, " + QUEUE + ") g");
        }
        sql("VACUUM ANALYZE tasks");

        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            keys.add(Api.userKey(Api.uniqueName("claimer"), "http-queue", Roles.CME));
        }
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLAIMERS)).build();
        long httpNanos = IngestBenchmark.timed(() -> parallel(CLAIMERS, i -> {
            HttpRequest claim = HttpRequest.newBuilder(URI.create(tasks + "/queues/http-queue/claim"))
                    .header("Authorization", "Bearer " + keys.get(i)).POST(HttpRequest.BodyPublishers.noBody()).build();
            while (true) {
                HttpResponse<String> r = http.send(claim, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 404) {
                    return;
                }
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                String body = r.body();
                long id = Long.parseLong(body.substring(body.indexOf("\"id\":") + 5, body.indexOf(',', body.indexOf("\"id\":"))));
                if (!claimed.add(id)) {
                    throw new IllegalStateException("task " + id + " claimed twice");
                }
            }
        }));
        assertThat(claimed).hasSize(QUEUE);

        Set<Long> sqlClaimed = ConcurrentHashMap.newKeySet();
        long sqlNanos = IngestBenchmark.timed(() -> parallel(CLAIMERS, i -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("UPDATE tasks SET assignee = ?, version = version + 1 "
                            + "WHERE id = (SELECT id FROM tasks WHERE team = 'sql-queue' AND assignee IS NULL AND status = 'OPEN' "
                            + "ORDER BY queue_rank, due_sort, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id")) {
                ps.setString(1, "sql-" + i);
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return;
                        }
                        sqlClaimed.add(rs.getLong(1));
                    }
                }
            }
        }));
        assertThat(sqlClaimed).hasSize(QUEUE);

        String me = Api.userKey("cme-7", "team-7", Roles.CME);
        HttpRequest mine = HttpRequest.newBuilder(URI.create(tasks + "/mine?limit=50"))
                .header("Authorization", "Bearer " + me).GET().build();
        for (int i = 0; i < 200; i++) {
            http.send(mine, HttpResponse.BodyHandlers.discarding()); // warm-up
        }
        long[] latencies = new long[MY_TASKS_REQUESTS];
        for (int i = 0; i < MY_TASKS_REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(mine, HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - start;
            assertThat(r.statusCode()).isEqualTo(200);
        }
        Arrays.sort(latencies);

        BenchReport report = new BenchReport("Task queues (" + String.format("%,d", TOTAL_TASKS) + " tasks in the table, "
                + CLAIMERS + " concurrent claimers, queues of " + String.format("%,d", QUEUE) + ")");
        report.row("claim over HTTP", BenchReport.perSecond(QUEUE, httpNanos),
                "API key auth, lock with SKIP LOCKED, history entry, commit; 0 double claims");
        report.row("claim as a bare SQL statement (floor)", BenchReport.perSecond(QUEUE, sqlNanos),
                "UPDATE ... (SELECT ... FOR UPDATE SKIP LOCKED) on 16 connections");
        report.row("ratio HTTP / SQL", String.format("%.2fx", (double) httpNanos / sqlNanos), "target: >= 1,000 claims/s over HTTP");
        report.row("my tasks (50 per page), p50", String.format("%.2f ms", latencies[MY_TASKS_REQUESTS / 2] / 1e6),
                "a CME with ~" + String.format("%,d", TOTAL_TASKS / 200) + " tasks, sequential requests");
        report.row("my tasks, p99", String.format("%.2f ms", latencies[MY_TASKS_REQUESTS * 99 / 100] / 1e6), "target: < 20 ms");
        report.print("tasks.md");
    }

    interface Claimer {
        void run(int index) throws Exception;
    }

    private static void parallel(int threads, Claimer claimer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    claimer.run(index);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
