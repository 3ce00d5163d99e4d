package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Server time of the console's two busiest pages at scale: My work (a CME's queue, first page) and
 * Account 360 (profile, contracts, the snapshot, health, open work and the 30-day timeline), with
 * 100,000 accounts, 1,000,000 tasks and 10,000,000 raw usage events (plus the daily roll-ups the
 * snapshot reads). Requests are sequential, over loopback, with a login session as a browser sends.
 * Run: ./mvnw verify -Pbench -Dtest=ConsoleBenchmark (targets: p95 < 100 ms and < 200 ms).
 */
@QuarkusTest
@Tag("bench")
class ConsoleBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    static final int TASKS = Integer.getInteger("bench.tasks", 1_000_000);
    static final int EVENTS = Integer.getInteger("bench.events", 10_000_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 500);
    static final String PASSWORD = "correct horse battery staple";

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void my_work_and_account_360_server_time() throws Exception {
        long loading = System.nanoTime();
        BenchData.load(dataSource, ACCOUNTS);
        sql("SET synchronous_commit = off");
        // Raw usage events (the roll-ups above are what the pages read; these make the table its real size).
        sql("INSERT INTO usage_events (event_id, account_id, event_type, user_id, occurred_at) "
                + "SELECT 'ev-' || g, (SELECT min(id) FROM accounts) + g % " + ACCOUNTS + ", "
                + "(ARRAY['login','feature_use','api_call','error'])[1 + g % 4], 'u' || g % 12, "
                + "now() - (g % 5184000) * INTERVAL '1 second' FROM generate_series(1, " + EVENTS + ") g");
        // Tasks over every account: each CME holds ~2,500, a quarter of them open.
        sql("INSERT INTO tasks (account_id, type, title, priority, status, assignee, team, due_at, origin, created_by, "
                + "created_at, updated_at) SELECT a.id, 'health-check', 'Task ' || g, "
                + "(ARRAY['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4], "
                + "(ARRAY['OPEN','DONE','IN_PROGRESS','DONE'])[1 + g % 4], a.owner, a.team, "
                + "now() + (g % 400 - 100) * INTERVAL '1 hour', 'manual', 'bench', now() - (g % 90) * INTERVAL '1 day', now() "
                + "FROM generate_series(1, " + TASKS + ") g JOIN accounts a ON a.id = (SELECT min(id) FROM accounts) + g % "
                + ACCOUNTS);
        sql("VACUUM ANALYZE");
        long loaded = System.nanoTime() - loading;

        Api.given().contentType(ContentType.JSON).body(Map.of("roles", List.of("cme"), "team", "team7", "password", PASSWORD))
                .when().put("/api/users/cme7").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        String cookie = Api.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "cme7").formParam("password", PASSWORD).when().post("/console/login")
                .getCookie("cme_session");
        List<Long> book = ids("SELECT id FROM accounts WHERE owner = 'cme7' ORDER BY id LIMIT 200");
        HttpClient http = HttpClient.newHttpClient();

        long[] work = measure(http, cookie, i -> "/console/work");
        long[] account = measure(http, cookie, i -> "/console/accounts/" + book.get(i % book.size()));

        BenchReport report = new BenchReport("Console pages (" + String.format("%,d", ACCOUNTS) + " accounts, "
                + String.format("%,d", TASKS) + " tasks, " + String.format("%,d", EVENTS) + " usage events; "
                + REQUESTS + " sequential requests each, session cookie; data loaded in " + BenchReport.seconds(loaded) + ")");
        report.row("My work, p50", ms(work, 50), "a CME's first page of 25 (~" + String.format("%,d", TASKS / 400 / 2)
                + " open tasks of theirs), account names, team choices");
        report.row("My work, p95", ms(work, 95), "target: < 100 ms");
        report.row("Account 360, p50", ms(account, 50), "profile, contracts, snapshot, health, open work, 30-day timeline");
        report.row("Account 360, p95", ms(account, 95), "target: < 200 ms");
        report.print("console.md");
        assertThat(work[work.length * 95 / 100] / 1e6).isLessThan(100);
        assertThat(account[account.length * 95 / 100] / 1e6).isLessThan(200);
    }

    interface PathOf {
        String path(int i);
    }

    private long[] measure(HttpClient http, String cookie, PathOf path) throws Exception {
        for (int i = 0; i < 50; i++) {
            get(http, cookie, path.path(i)); // warm-up
        }
        long[] latencies = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            get(http, cookie, path.path(i));
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private void get(HttpClient http, String cookie, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Cookie", "cme_session=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String ms(long[] sorted, int percentile) {
        return String.format("%.1f ms", sorted[sorted.length * percentile / 100] / 1e6);
    }

    private List<Long> ids(String query) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
