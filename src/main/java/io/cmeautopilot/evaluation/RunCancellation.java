package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.AuditTrail;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Cancels a run, on whichever node is asked, in one transaction that holds the run's row: every
 * chunk not closed yet is marked CANCELLED and the run is closed as CANCELLED with the figures of
 * the chunks that finished. Chunk rows decide what "in flight" means: a chunk whose completing
 * transaction already holds its row (see {@link ChunkStore#own}) finishes first (the cancellation's
 * update waits for it, then finds it DONE and counts it); any other chunk finds itself CANCELLED when
 * it tries to complete and rolls back. No node claims a chunk of a run that is not RUNNING.
 */
@ApplicationScoped
class RunCancellation {

    private static final NamedSql LOCK = NamedSql.of("SELECT status FROM evaluation_runs WHERE id = :run FOR UPDATE");

    private static final NamedSql DROP_OPEN_CHUNKS = NamedSql.of("""
            UPDATE evaluation_chunks SET status = 'CANCELLED', lease_until = NULL, finished_at = now()
            WHERE run_id = :run AND status IN ('PENDING', 'RUNNING')""");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RunFinisher finisher;
    @Inject
    AuditTrail audit;

    /** Cancels the run; a run cancelled already stays as it is. 404 for an unknown run, 409 for a finished one. */
    void cancel(long runId, String by) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                String status;
                try (PreparedStatement ps = LOCK.prepare(c, Map.of("run", runId)); ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("evaluation run", runId);
                    }
                    status = rs.getString(1);
                }
                if ("CANCELLED".equals(status)) {
                    return;
                }
                if (!"RUNNING".equals(status)) {
                    throw ProblemException.conflict("evaluation run " + runId + " has finished (" + status
                            + "): there is nothing left to cancel");
                }
                int dropped;
                try (PreparedStatement ps = DROP_OPEN_CHUNKS.prepare(c, Map.of("run", runId))) {
                    dropped = ps.executeUpdate();
                }
                // A new statement: it sees every chunk that completed while the update above waited for it.
                RunTotals totals = RunTotals.of(c, runId);
                finisher.close(c, runId, "CANCELLED", totals, by);
                audit.record(by, "evaluation.cancelled", "evaluation-run", runId,
                        Map.of("chunksDropped", dropped, "chunksDone", totals.chunksDone, "accounts", totals.accounts));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not cancel evaluation run " + runId, e);
            }
        });
    }
}
