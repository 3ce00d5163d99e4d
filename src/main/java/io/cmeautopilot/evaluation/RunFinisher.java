package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Closes a run once none of its chunks is open: its figures summed into the run record and its
 * status set, in one transaction that holds the run's row, so exactly one node finishes it. If that
 * node dies first, the run stays RUNNING with every chunk closed and the next sweep finishes it.
 */
@ApplicationScoped
class RunFinisher {

    private static final Logger LOG = Logger.getLogger(RunFinisher.class);

    private static final NamedSql LOCK = NamedSql.of("""
            SELECT 1 FROM evaluation_runs WHERE id = :run AND status = 'RUNNING' FOR UPDATE SKIP LOCKED""");

    private static final NamedSql FINISH = NamedSql.of("""
            UPDATE evaluation_runs
            SET status = :status, finished_at = :now, accounts_evaluated = :accounts, auto_resolved = :autoResolved,
                rule_stats = CAST(:stats AS jsonb), failures = CAST(:failures AS jsonb), sample = CAST(:sample AS jsonb),
                error = :error, cancelled_by = :cancelledBy
            WHERE id = :run""");

    /** Cheap (the open chunks' index): most calls come after a chunk that was not the last one. */
    private static final NamedSql HAS_OPEN_CHUNKS = NamedSql.of("""
            SELECT EXISTS (SELECT 1 FROM evaluation_chunks WHERE run_id = :run AND status IN ('PENDING', 'RUNNING'))""");

    private static final NamedSql UNFINISHED = NamedSql.of("""
            SELECT r.id FROM evaluation_runs r
            WHERE r.status = 'RUNNING'
              AND NOT EXISTS (SELECT 1 FROM evaluation_chunks c WHERE c.run_id = r.id AND c.status IN ('PENDING', 'RUNNING'))
            ORDER BY r.id LIMIT 20""");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    /** Finishes the run if all its chunks are closed and no other node is finishing it; true if this call did. */
    boolean tryFinish(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = LOCK.prepare(c, Map.of("run", runId)); ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
                try (PreparedStatement ps = HAS_OPEN_CHUNKS.prepare(c, Map.of("run", runId)); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
                // Every chunk is closed, and this transaction holds the run: summing them is final.
                RunTotals totals = RunTotals.of(c, runId);
                close(c, runId, totals.chunksFailed > 0 ? "FAILED" : "SUCCEEDED", totals, null);
                return true;
            }
        });
    }

    /**
     * Records a run's end in the caller's transaction, which holds the run's row and in which no chunk
     * of it can close any more: its status and the figures of its chunks, summed.
     */
    void close(Connection c, long runId, String status, RunTotals totals, String cancelledBy) throws SQLException {
        Map<String, Object> p = new HashMap<>();
        p.put("run", runId);
        p.put("status", status);
        p.put("now", clock.instant());
        p.put("accounts", totals.accounts);
        p.put("autoResolved", totals.autoResolved);
        p.put("stats", ChunkStore.json(totals.stats));
        p.put("failures", ChunkStore.json(totals.failures));
        p.put("sample", totals.sample.isEmpty() ? null : ChunkStore.json(totals.sample));
        p.put("error", totals.chunksFailed > 0
                ? totals.chunksFailed + " chunk(s) failed after every attempt: see failures" : null);
        p.put("cancelledBy", cancelledBy);
        try (PreparedStatement ps = FINISH.prepare(c, p)) {
            ps.executeUpdate();
        }
        LOG.infof("Evaluation run %d %s: %d accounts in %d of %d chunks", runId, status.toLowerCase(), totals.accounts,
                totals.chunksDone, totals.chunksTotal);
    }

    /** Runs whose chunks are all closed but that nobody finished (the finishing node died): finished now. */
    void sweep() {
        List<Long> ids = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = UNFINISHED.prepare(c, Map.of());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for unfinished runs", e);
        }
        ids.forEach(this::tryFinish);
    }
}
