package io.cmeautopilot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.cmeautopilot.testing.Node;
import io.cmeautopilot.testing.PostgresTestResource;
import io.restassured.http.ContentType;

/**
 * Two instances of the packaged service on one PostgreSQL (different HTTP ports): a schedule firing
 * every few seconds runs once per firing on one node, both nodes work the chunks, no action is ever
 * duplicated; a run cancelled on one node stops on both with exactly what it did; a node killed in
 * the middle of a run loses nothing (its chunk is taken over).
 * The scenarios share the cluster and run in order; each checks its own runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    static final int ACCOUNTS = 12_000;
    static final String CHURN = "Churn: no login for 14 days";
    static final Map<String, String> SETTINGS = Map.of("EVALUATION_CHUNK_SIZE", "40", "EVALUATION_WORKERS", "1",
            "EVALUATION_CHUNK_LEASE", "PT5S", "EVALUATION_POLL_INTERVAL", "1s", "EVALUATION_DIRTY_INTERVAL", "off");

    static PostgresTestResource database = new PostgresTestResource();
    static String url;
    static Node a;
    static Node b;

    @BeforeAll
    static void two_nodes_on_one_fresh_database_with_accounts_not_seen_for_20_days() throws Exception {
        Map<String, String> db = database.start();
        url = db.get("quarkus.datasource.jdbc.url");
        String user = db.get("quarkus.datasource.username");
        a = Node.start("a", url, user, SETTINGS);
        b = Node.start("b", url, user, SETTINGS);
        StringBuilder csv = new StringBuilder("externalId,name,owner,team,stage\n");
        List<Map<String, Object>> logins = new ArrayList<>();
        String lastLogin = Instant.now().minus(Duration.ofDays(20)).toString();
        for (int i = 0; i < ACCOUNTS; i++) {
            csv.append("c-").append(i).append(",Customer ").append(i).append(",cme-").append(i % 7).append(",team-")
                    .append(i % 3).append(",ESTABLISHED\n");
            logins.add(Map.of("eventId", "login-" + i, "account", "c-" + i, "type", "login", "userId", "u",
                    "occurredAt", lastLogin));
        }
        a.api().contentType("text/csv").body(csv.toString()).when().post("/api/accounts/import?mode=apply")
                .then().statusCode(200);
        for (int from = 0; from < ACCOUNTS; from += 6_000) { // batches stay under the 10,000-item limit
            b.api().contentType(ContentType.JSON).body(logins.subList(from, Math.min(ACCOUNTS, from + 6_000)))
                    .when().post("/api/signals/usage-events").then().statusCode(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        database.stop();
    }

    @Test
    @Order(1)
    void a_schedule_firing_every_few_seconds_runs_once_per_firing_shares_the_work_and_duplicates_nothing() throws Exception {
        a.api().contentType(ContentType.JSON).body(Map.of("cron", "0/4 * * * * ?", "scope", Map.of("all", true)))
                .when().put("/api/schedules/every-4s").then().statusCode(201);
        // Generous bounds: the machine running this may be busy; the assertions below do not depend on speed.
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT count(*) FROM evaluation_runs WHERE schedule_name = 'every-4s' AND status = 'SUCCEEDED'") >= 3);
        b.api().contentType(ContentType.JSON).body(Map.of("cron", "0/4 * * * * ?", "scope", Map.of("all", true), "enabled", false))
                .when().put("/api/schedules/every-4s").then().statusCode(200);
        await().atMost(Duration.ofSeconds(300)).until(() ->
                count("SELECT count(*) FROM evaluation_runs WHERE schedule_name = 'every-4s' AND status = 'RUNNING'") == 0);

        // Every firing handled by exactly one node: each due time appears once across both nodes' logs.
        Map<String, Integer> firings = new HashMap<>();
        Pattern fired = Pattern.compile("Schedule 'every-4s' \\(due ([^)]+)\\) (started|skipped)");
        for (Node node : List.of(a, b)) {
            Matcher m = fired.matcher(node.logText());
            while (m.find()) {
                firings.merge(m.group(1), 1, Integer::sum);
            }
        }
        assertThat(firings).isNotEmpty().allSatisfy((due, times) -> assertThat(times).as("firing due " + due).isEqualTo(1));
        assertThat(count("SELECT count(*) - count(DISTINCT scheduled_for) FROM evaluation_runs WHERE schedule_name = 'every-4s'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM evaluation_runs WHERE schedule_name = 'every-4s' "
                + "AND (status <> 'SUCCEEDED' OR accounts_evaluated <> " + ACCOUNTS + ")")).isZero();
        // Both nodes worked chunks of the scheduled runs.
        assertThat(count("SELECT count(DISTINCT c.claimed_by) FROM evaluation_chunks c JOIN evaluation_runs r ON r.id = c.run_id "
                + "WHERE r.schedule_name = 'every-4s'")).isEqualTo(2);
        assertOneOpenChurnTaskPerAccount();
    }

    @Test
    @Order(2)
    void a_run_cancelled_on_one_node_stops_on_both_and_keeps_exactly_what_its_finished_chunks_did() throws Exception {
        // Started on node a, cancelled on node b once some chunks are done. A run lasts a few seconds; should one
        // finish before the cancellation lands (409), another is started.
        long run = 0;
        for (int attempt = 0; attempt < 3 && run == 0; attempt++) {
            long started = a.api().contentType(ContentType.JSON).body(Map.of("scope", Map.of("all", true)))
                    .when().post("/api/evaluations").then().statusCode(202).extract().jsonPath().getLong("id");
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(50)).until(() ->
                    count("SELECT count(*) FROM evaluation_chunks WHERE run_id = " + started + " AND status = 'DONE'") > 0);
            int answer = b.api().when().post("/api/evaluations/" + started + "/cancel").then().extract().statusCode();
            assertThat(answer).isIn(200, 409);
            run = answer == 200 ? started : 0;
        }
        assertThat(run).as("a run was cancelled before it finished").isPositive();
        String chunks = "SELECT count(*) FROM evaluation_chunks WHERE run_id = " + run + " AND status = ";
        long done = count(chunks + "'DONE'");

        // Nothing of it moves any more, on either node.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() ->
                count(chunks + "'DONE'") == done && count(chunks + "'PENDING'") + count(chunks + "'RUNNING'") == 0);
        var view = a.api().when().get("/api/evaluations/" + run).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("status")).isEqualTo("CANCELLED");
        assertThat(view.getString("cancelledBy")).isNotBlank();
        assertThat(view.getLong("progress.chunksDone")).isEqualTo(done);
        assertThat(view.getInt("progress.chunksDone") + view.getInt("progress.chunksCancelled") + view.getInt("progress.chunksFailed"))
                .isEqualTo(view.getInt("progress.chunksTotal"));
        // The record holds exactly what the finished chunks did, and the tasks agree: every task this run touched
        // belongs to an account of a finished chunk (chunks in flight rolled back or were counted).
        long evaluated = view.getLong("accountsEvaluated");
        assertThat(evaluated).isEqualTo(count("SELECT coalesce(sum(accounts), 0) FROM evaluation_chunks WHERE run_id = " + run
                + " AND status = 'DONE'")).isPositive().isLessThan(ACCOUNTS);
        assertThat(view.getLong("rules.'" + CHURN + "'.updated")).isEqualTo(evaluated);
        assertThat(count("SELECT count(*) FROM tasks WHERE rule_name = '" + CHURN + "' AND run_id = " + run)).isEqualTo(evaluated);
        assertOneOpenChurnTaskPerAccount();
    }

    @Test
    @Order(3)
    void a_node_killed_in_the_middle_of_a_run_loses_nothing_its_chunk_is_taken_over() throws Exception {
        // A run lasts a few seconds on a quiet machine and a chunk a few milliseconds:
        // start it on node b (which works one chunk after another from then on), and as soon as its answer
        // is in, kill node b the moment it holds a chunk, watching on one open connection.
        long run;
        try (Connection watch = DriverManager.getConnection(url, "postgres", "")) {
            run = b.api().contentType(ContentType.JSON).body(Map.of("scope", Map.of("all", true)))
                    .when().post("/api/evaluations").then().statusCode(202).extract().jsonPath().getLong("id");
            assertThat(killBWhenItHoldsAChunkOf(watch, run)).as("node b was killed while it held a chunk of run %d", run)
                    .isTrue();
        }

        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).until(() -> "SUCCEEDED".equals(
                a.api().when().get("/api/evaluations/" + run).then().statusCode(200).extract().jsonPath().getString("status")));
        assertThat(count("SELECT accounts_evaluated FROM evaluation_runs WHERE id = " + run)).isEqualTo(ACCOUNTS);
        assertThat(count("SELECT count(*) FROM evaluation_chunks WHERE run_id = " + run + " AND status <> 'DONE'")).isZero();
        assertThat(count("SELECT count(*) FROM evaluation_chunks WHERE run_id = " + run
                + " AND attempts > 1 AND claimed_by = 'node-a'")).as("chunks taken over from the killed node").isPositive();
        assertThat(count("SELECT (rule_stats -> '" + CHURN + "' ->> 'updated')::int FROM evaluation_runs WHERE id = " + run))
                .isEqualTo(ACCOUNTS);
        assertOneOpenChurnTaskPerAccount();
    }

    private static void assertOneOpenChurnTaskPerAccount() throws SQLException {
        assertThat(count("SELECT count(*) FROM tasks WHERE rule_name = '" + CHURN + "' AND status = 'OPEN'")).isEqualTo(ACCOUNTS);
        assertThat(count("SELECT count(*) FROM (SELECT account_id FROM tasks WHERE rule_name = '" + CHURN
                + "' GROUP BY account_id HAVING count(*) > 1) duplicated")).isZero();
    }

    /** Kills node b as soon as it holds a chunk of the run; false if the run has no open chunk left first. */
    private static boolean killBWhenItHoldsAChunkOf(Connection c, long run) throws SQLException, InterruptedException,
            java.io.IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (java.sql.PreparedStatement held = c.prepareStatement("SELECT count(*) FILTER (WHERE status = 'RUNNING' AND "
                        + "claimed_by = 'node-b'), count(*) FILTER (WHERE status IN ('PENDING', 'RUNNING')) "
                        + "FROM evaluation_chunks WHERE run_id = ?")) {
            held.setLong(1, run);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = held.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        // Chunks take milliseconds: b may finish this one before a kill lands. Frozen, it can
                        // commit nothing more (a commit already on its way gets 50 ms to land); if it still
                        // holds the chunk then, it dies holding it. If not, it goes on and we watch again.
                        b.freeze();
                        Thread.sleep(50);
                        if (holdsAChunk(held)) {
                            b.kill();
                            return true;
                        }
                        b.thaw();
                        continue;
                    }
                    if (rs.getLong(2) == 0) {
                        return false;
                    }
                }
            }
            return false;
        }
    }

    private static boolean holdsAChunk(java.sql.PreparedStatement held) throws SQLException {
        try (ResultSet rs = held.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
