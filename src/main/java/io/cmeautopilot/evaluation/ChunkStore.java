package io.cmeautopilot.evaluation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;

/**
 * The chunks of runs in PostgreSQL: planned when a run starts, claimed by any node with
 * {@code FOR UPDATE SKIP LOCKED} under a lease in database time, and completed in the same
 * transaction as the chunk's writes, so a chunk's results are applied exactly once.
 */
@ApplicationScoped
class ChunkStore {

    /**
     * The next chunk is picked in a CTE, which PostgreSQL runs exactly once. (As a subquery in the
     * UPDATE's FROM it could be run again for another row of the join, and with SKIP LOCKED a rerun
     * picks another chunk: two chunks were marked RUNNING, one was worked, and the other sat until
     * its lease ran out.)
     */
    private static final NamedSql CLAIM = NamedSql.of("""
            WITH next AS (
                SELECT ch.run_id, ch.seq FROM evaluation_chunks ch JOIN evaluation_runs r ON r.id = ch.run_id
                WHERE ch.status IN ('PENDING', 'RUNNING') AND r.status = 'RUNNING'
                  AND (CAST(:run AS bigint) IS NULL OR ch.run_id = CAST(:run AS bigint))
                  AND ((ch.status = 'PENDING' AND (NOT r.inline OR ch.run_id = CAST(:run AS bigint)
                                                   OR ch.created_at < now() - CAST(:lease AS interval)))
                       OR ch.lease_until < now())
                ORDER BY ch.run_id, ch.seq LIMIT 1
                FOR UPDATE OF ch SKIP LOCKED)
            UPDATE evaluation_chunks c
            SET status = 'RUNNING', claimed_by = :node, attempts = c.attempts + 1,
                lease_until = now() + CAST(:lease AS interval)
            FROM next
            WHERE c.run_id = next.run_id AND c.seq = next.seq
            RETURNING c.run_id, c.seq, c.account_ids, c.first_id, c.last_id, c.attempts""");

    /** Locks the chunk for its completing transaction, but only while this claim still owns it. */
    private static final NamedSql OWN = NamedSql.of("""
            SELECT 1 FROM evaluation_chunks
            WHERE run_id = :run AND seq = :seq AND status = 'RUNNING' AND claimed_by = :node AND attempts = :attempt
            FOR UPDATE""");

    private static final NamedSql COMPLETE = NamedSql.of("""
            UPDATE evaluation_chunks
            SET status = 'DONE', accounts = :accounts, auto_resolved = :autoResolved, stats = CAST(:stats AS jsonb), failures = CAST(:failures AS jsonb),
                troubled = :troubled, sample = CAST(:sample AS jsonb), lease_until = NULL, finished_at = now(),
                snapshot_ms = :snapshotMs, engine_ms = :engineMs, write_ms = :writeMs
            WHERE run_id = :run AND seq = :seq""");

    private static final NamedSql GIVE_UP = NamedSql.of("""
            UPDATE evaluation_chunks
            SET status = CASE WHEN attempts >= :maxAttempts THEN 'FAILED' ELSE 'PENDING' END,
                error = :error, lease_until = NULL, finished_at = CASE WHEN attempts >= :maxAttempts THEN now() END
            WHERE run_id = :run AND seq = :seq AND status = 'RUNNING' AND claimed_by = :node AND attempts = :attempt
            RETURNING status""");


    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    AgroalDataSource dataSource;

    /** Plans the chunks of a run: contiguous id ranges of the scope, or slices of an explicit id list. */
    int plan(long runId, EvaluationRequest.Scope scope, int chunkSize, Connection c) throws SQLException {
        if (scope.accountIds() != null) {
            List<Long> ids = scope.accountIds().stream().distinct().sorted().toList();
            NamedSql insert = NamedSql.of("INSERT INTO evaluation_chunks (run_id, seq, account_ids) VALUES (:run, :seq, :ids)");
            int seq = 0;
            for (int i = 0; i < ids.size(); i += chunkSize) {
                Long[] slice = ids.subList(i, Math.min(ids.size(), i + chunkSize)).toArray(Long[]::new);
                try (PreparedStatement ps = insert.prepare(c, Map.of("run", runId, "seq", seq++, "ids", slice))) {
                    ps.executeUpdate();
                }
            }
            return seq;
        }
        ScopeSql where = ScopeSql.of(scope);
        NamedSql ranges = NamedSql.of("""
                INSERT INTO evaluation_chunks (run_id, seq, first_id, last_id)
                SELECT :run, bucket, min(id), max(id)
                FROM (SELECT a.id, (row_number() OVER (ORDER BY a.id) - 1) / :size AS bucket
                      FROM accounts a WHERE %s) numbered
                GROUP BY bucket""".formatted(where.condition()));
        try (PreparedStatement ps = ranges.prepare(c, where.with(Map.of("run", runId, "size", chunkSize)))) {
            return ps.executeUpdate();
        }
    }

    /** The next chunk this node may take: of the given run only, or of any run when {@code runId} is null. */
    Optional<Chunk> claim(Long runId, String node, Duration lease) {
        Map<String, Object> p = new HashMap<>();
        p.put("run", runId);
        p.put("node", node);
        p.put("lease", lease.toMillis() + " milliseconds");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = CLAIM.prepare(c, p);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Array ids = rs.getArray("account_ids");
            return Optional.of(new Chunk(rs.getLong("run_id"), rs.getInt("seq"),
                    ids == null ? null : (Long[]) ids.getArray(), (Long) rs.getObject("first_id"),
                    (Long) rs.getObject("last_id"), rs.getInt("attempts")));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim an evaluation chunk", e);
        }
    }

    /** The chunk's account ids, in id order: its own list, or its range filtered by the run's scope. */
    List<Long> accountIds(Chunk chunk, EvaluationRequest.Scope scope) {
        if (chunk.accountIds() != null) {
            return List.of(chunk.accountIds());
        }
        ScopeSql where = ScopeSql.of(scope);
        NamedSql sql = NamedSql.of("SELECT a.id FROM accounts a WHERE a.id BETWEEN :first AND :last AND %s ORDER BY a.id"
                .formatted(where.condition()));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = sql.prepare(c, where.with(Map.of("first", chunk.firstId(), "last", chunk.lastId())));
                ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the accounts of " + chunk, e);
        }
    }

    /**
     * Locks the chunk inside the caller's transaction if this claim still owns it; false when its lease
     * ran out and another node took it (the caller must then roll back).
     */
    boolean own(Connection c, Chunk chunk, String node) throws SQLException {
        try (PreparedStatement ps = OWN.prepare(c, Map.of("run", chunk.runId(), "seq", chunk.seq(), "node", node,
                "attempt", chunk.attempt())); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** Records the chunk's outcome, inside the transaction that applied it. */
    void complete(Connection c, Chunk chunk, ChunkOutcome outcome) throws SQLException {
        Map<String, Object> p = new HashMap<>();
        p.put("run", chunk.runId());
        p.put("seq", chunk.seq());
        p.put("accounts", outcome.accounts);
        p.put("autoResolved", outcome.autoResolved);
        p.put("stats", json(outcome.stats));
        p.put("failures", json(outcome.failures));
        p.put("troubled", outcome.troubled.toArray(Long[]::new));
        p.put("sample", outcome.sample.isEmpty() ? null : json(outcome.sample));
        p.put("snapshotMs", outcome.snapshotMillis);
        p.put("engineMs", outcome.engineMillis);
        p.put("writeMs", outcome.writeMillis);
        try (PreparedStatement ps = COMPLETE.prepare(c, p)) {
            ps.executeUpdate();
        }
    }

    /** After an error: the chunk is offered again, or marked failed after its last attempt. Returns the new status. */
    String giveUp(Chunk chunk, String node, String error, int maxAttempts) {
        Map<String, Object> p = new HashMap<>();
        p.put("run", chunk.runId());
        p.put("seq", chunk.seq());
        p.put("node", node);
        p.put("attempt", chunk.attempt());
        p.put("error", error);
        p.put("maxAttempts", maxAttempts);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = GIVE_UP.prepare(c, p);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "TAKEN";
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release " + chunk, e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
