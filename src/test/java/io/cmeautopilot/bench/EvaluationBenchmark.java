package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.Runs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An evaluation run end to end (PostgreSQL facts -> the starter rule book -> tasks, offers and
 * suggestions persisted) over every account, as the nightly schedule runs it, with the service's
 * default chunking (chunks of 1,000, two workers). Twice: the first night, when most proposals
 * create actions, and the next, when they refresh the open ones. The engine-only figure comes
 * from the same runs (the time the chunks spent in the rule engine, summed).
 *
 * <p>Sizes: {@code -Dbench.accounts=1000000} (default 100,000). The data is generated straight into
 * the tables the snapshot reads (accounts, subscriptions, the daily usage roll-ups, tickets,
 * surveys, CME activity), shaped so that a realistic share of accounts needs attention. Run with a
 * 1 GB heap to check the memory target: {@code -DargLine=-Xmx1g} (see docs/performance.md).
 */
@QuarkusTest
@Tag("bench")
@TestProfile(EvaluationBenchmark.ServiceDefaults.class)
class EvaluationBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);

    /** The service's own chunking and workers, not the test suite's tiny chunks. */
    public static class ServiceDefaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Delivery is measured by NotifyBenchmark, not here: this node enqueues and leaves delivering to others.
            return Map.of("cme.evaluation.chunk-size", "1000", "cme.evaluation.poll-interval", "200ms",
                    "cme.notify.poll-interval", "off");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void nightly_run_over_every_account() throws Exception {
        long loadNanos = IngestBenchmark.timed(() -> BenchData.load(dataSource, ACCOUNTS));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }

        BenchReport report = new BenchReport("Evaluation run end to end (" + String.format("%,d", ACCOUNTS)
                + " accounts, starter rule book)");
        Measured first = run();
        Measured second = run();
        for (Measured m : List.of(first, second)) {
            String which = m == first ? "first night" : "next night";
            report.row(which + ": end to end", BenchReport.seconds(m.nanos),
                    BenchReport.perSecond(ACCOUNTS, m.nanos) + " accounts; " + m.outcomes());
            report.row(which + ": work per phase (summed over chunks)", m.phases(),
                    "facts from PostgreSQL / rule engine / writes, across 2 workers");
            report.row(which + ": engine only", BenchReport.perSecond(ACCOUNTS, m.engineMillis * 1_000_000L)
                    + " per worker", "accounts per second of engine time, same run");
            report.row(which + ": peak heap", String.format("%,d MB", m.peakHeapBytes >> 20),
                    "max heap " + String.format("%,d MB", Runtime.getRuntime().maxMemory() >> 20)
                            + "; sum of the heap pools' peaks during the run");
        }
        report.row("data load (SQL)", BenchReport.seconds(loadNanos), "setup, not part of the measure; "
                + String.format("%,d", rows("usage_daily")) + " usage roll-up rows, "
                + String.format("%,d", rows("user_daily")) + " daily active-user rows");
        report.print("evaluation.md");
    }

    /** One run's figures. */
    private record Measured(long nanos, JsonPath run, long engineMillis, long peakHeapBytes) {

        String outcomes() {
            Map<String, Map<String, Integer>> rules = run.getMap("rules");
            int created = 0, updated = 0, cooldown = 0, other = 0;
            for (Map<String, Integer> s : rules.values()) {
                created += s.getOrDefault("created", 0);
                updated += s.getOrDefault("updated", 0);
                cooldown += s.getOrDefault("suppressedByCooldown", 0);
                other += s.getOrDefault("notApplied", 0) + s.getOrDefault("tripped", 0) + s.getOrDefault("failures", 0);
            }
            return String.format("%,d created, %,d updated, %,d suppressed by cooldown, %,d auto-resolved, %,d not applied/held/failed",
                    created, updated, cooldown, run.getInt("autoResolved"), other);
        }

        String phases() {
            return String.format("%.1f s / %.1f s / %.1f s", run.getLong("work.snapshotMillis") / 1e3,
                    run.getLong("work.engineMillis") / 1e3, run.getLong("work.writeMillis") / 1e3);
        }
    }

    /**
     * Where PostgreSQL spent the run's time, by statement, when the server has pg_stat_statements
     * loaded (printed, not part of the table): the first place to look when the figures move.
     */
    private void printTopStatements(boolean reset) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            if (reset) {
                s.execute("SELECT pg_stat_statements_reset()");
                return;
            }
            try (ResultSet rs = s.executeQuery("SELECT calls, round(total_exec_time), rows, "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements "
                    + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                    + "ORDER BY total_exec_time DESC LIMIT 15")) {
                System.out.println("calls | ms | rows | statement");
                while (rs.next()) {
                    System.out.printf("%,d | %,d | %,d | %s%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
                }
            }
        } catch (java.sql.SQLException e) {
            System.out.println("(no statement statistics: " + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private Measured run() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        printTopStatements(true);
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        JsonPath started = Api.given().contentType(ContentType.JSON)
                .body(Map.of("scope", Map.of("all", true), "mode", "apply"))
                .when().post("/api/evaluations").then().statusCode(202).extract().jsonPath();
        // Watched once a second, as a person or a script would (every look sums the chunks so far).
        JsonPath finished = Runs.awaitFinished(started.getLong("id"), java.time.Duration.ofMinutes(30),
                java.time.Duration.ofSeconds(1));
        long nanos = System.nanoTime() - start;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        printTopStatements(false);
        assertThat(finished.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(finished.getInt("accountsEvaluated")).isEqualTo(ACCOUNTS);
        return new Measured(nanos, finished, finished.getLong("work.engineMillis"), peak);
    }

    private long rows(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
