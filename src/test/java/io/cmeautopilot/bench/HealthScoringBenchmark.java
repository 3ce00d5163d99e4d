package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.health.HealthScoring;
import io.cmeautopilot.health.ScoringRequest;
import io.cmeautopilot.signals.UsageRollups;
import io.cmeautopilot.snapshot.SnapshotService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Scoring every account end to end (what POST /api/health/scores {"all": true} runs: lock, snapshot of
 * every account, scoring with the starter scorecard, upsert of history and current rows) for 100,000
 * accounts, against its floor measured in the same run: the bare snapshot of all accounts plus a bare
 * INSERT ... SELECT of as many rows of the same shape into an identical table.
 * Sizes: -Dbench.accounts=..., -Dbench.events=... Run: ./mvnw verify -Pbench -Dtest=HealthScoringBenchmark
 */
@QuarkusTest
@Tag("bench")
class HealthScoringBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    static final long EVENTS = Long.getLong("bench.events", 3_000_000L);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SnapshotService snapshots;
    @Inject
    UsageRollups rollups;
    @Inject
    HealthScoring scoring;

    @Test
    void scoring_every_account_against_snapshot_plus_bare_write() throws Exception {
        Instant now = Instant.now();
        long loadNanos = IngestBenchmark.timed(() -> load(now));
        long rollupNanos = IngestBenchmark.timed(rollups::rebuild);
        execute("VACUUM ANALYZE");

        long firstNanos = IngestBenchmark.timed(this::scoreAll);
        assertThat(count("SELECT count(*) FROM health_scores")).isEqualTo(ACCOUNTS);
        assertThat(count("SELECT count(*) FROM health_current WHERE score IS NOT NULL")).isPositive();
        long againNanos = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            againNanos = Math.min(againNanos, IngestBenchmark.timed(this::scoreAll));
        }
        assertThat(count("SELECT count(*) FROM health_scores")).isEqualTo(ACCOUNTS); // re-scoring replaced the day's rows

        long snapshotNanos = Long.MAX_VALUE;
        long writeNanos = Long.MAX_VALUE;
        execute("CREATE TABLE floor_scores (LIKE health_scores INCLUDING ALL)");
        for (int i = 0; i < 2; i++) {
            snapshotNanos = Math.min(snapshotNanos, IngestBenchmark.timed(() -> snapshots.forEachChunk(Instant.now(), chunk -> { })));
            execute("TRUNCATE floor_scores");
            writeNanos = Math.min(writeNanos, IngestBenchmark.timed(() -> execute(
                    "INSERT INTO floor_scores SELECT account_id, day, as_of, score, grade, delta30d, coverage, "
                            + "scorecard_version, variant, measures, scored_at FROM health_scores")));
        }
        long floorNanos = snapshotNanos + writeNanos;
        String unscored = String.format("%,d", count("SELECT count(*) FROM health_current WHERE score IS NULL"));

        BenchReport report = new BenchReport("Health scoring (" + String.format("%,d", ACCOUNTS) + " accounts, "
                + String.format("%,d", EVENTS) + " usage events over 90 days, starter scorecard)");
        report.row("score every account, first pass of the day", BenchReport.seconds(firstNanos),
                BenchReport.perSecond(ACCOUNTS, firstNanos) + " accounts; lock, snapshot, scoring, history + current rows");
        report.row("score every account again the same day, best of 2", BenchReport.seconds(againNanos),
                BenchReport.perSecond(ACCOUNTS, againNanos) + " accounts; each day's row replaced (upsert)");
        report.row("floor: snapshot of every account", BenchReport.seconds(snapshotNanos), "the facts alone, no scoring, no write");
        report.row("floor: bare INSERT ... SELECT of the rows", BenchReport.seconds(writeNanos),
                "same rows (with their JSON measures) into an identical table");
        report.row("ratio first pass / (snapshot + bare write)", String.format("%.2fx", (double) firstNanos / floorNanos),
                "the same-day re-score: " + String.format("%.2fx", (double) againNanos / floorNanos));
        report.row("accounts without enough data", unscored, "stored with no score, as such");
        report.row("data load (SQL) + roll-up rebuild", BenchReport.seconds(loadNanos) + " + " + BenchReport.seconds(rollupNanos),
                "setup, not part of the measure");
        report.print("health.md");
    }

    /** What POST /api/health/scores {"all": true} does, without the HTTP client's read timeout. */
    private void scoreAll() {
        scoring.onRequest(new ScoringRequest(true, null));
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Accounts of all segments (a third ENT: the enterprise variant), contracts, 90 days of usage, tickets, surveys. */
    private void load(Instant now) throws Exception {
        String t = "TIMESTAMPTZ '" + now + "'";
        execute("INSERT INTO accounts (external_id, name, segment, owner, team, stage, signup_date, go_live_date, "
                + "created_at, updated_at) SELECT 'hb-' || g, 'Account ' || g, (ARRAY['SMB','MID','ENT'])[1 + g % 3], "
                + "'cme' || g % 50, 'team' || g % 5, 'ESTABLISHED', DATE '2025-01-01' + g % 400, "
                + "DATE '2025-02-01' + g % 400, now(), now() FROM generate_series(1, " + ACCOUNTS + ") g");
        execute("INSERT INTO subscriptions (account_id, external_id, plan, status, seats_purchased, usage_limit, "
                + "features_available, arr, start_date, renewal_date, created_at, updated_at) "
                + "SELECT id, 'main', 'pro', 'ACTIVE', 10 + id % 90, 1000 + id % 5000, 12, 1000 * (1 + id % 100), "
                + "DATE '2025-01-01', (" + t + ")::date + (id % 365)::int, now(), now() FROM accounts");
        execute("INSERT INTO usage_events (event_id, account_id, event_type, user_id, feature, quantity, occurred_at) "
                + "SELECT 'ev-' || g, a, e, 'u' || (g % 23), CASE WHEN e = 'feature_use' THEN 'f' || (g % 12) END, "
                + "1 + g % 5, " + t + " - random() * INTERVAL '90 days' "
                + "FROM (SELECT g, 1 + floor(random() * random() * " + ACCOUNTS + ")::bigint AS a, "
                + "(ARRAY['login','login','login','feature_use','feature_use','api_call','error'])[1 + g % 7] AS e "
                + "FROM generate_series(1, " + EVENTS + ") g) x");
        execute("INSERT INTO ticket_events (event_id, account_id, ticket_id, action, severity, occurred_at) "
                + "SELECT 'tk-' || g, 1 + g % " + ACCOUNTS + ", 'T' || g, 'opened', "
                + "(ARRAY['low','normal','high','critical'])[1 + g % 4], " + t + " - random() * INTERVAL '90 days' "
                + "FROM generate_series(1, " + ACCOUNTS * 2 + ") g");
        execute("INSERT INTO survey_responses (event_id, account_id, kind, score, answered_at) "
                + "SELECT 'sv-' || g, 1 + g % " + ACCOUNTS + ", 'nps', g % 11, " + t + " - random() * INTERVAL '180 days' "
                + "FROM generate_series(1, " + ACCOUNTS + ") g");
    }
}
