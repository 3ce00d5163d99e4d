package io.cmeautopilot.notify.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.RecipientKind;

/**
 * The dispatcher's statements on the outbox. Each runs on its own (autocommit) connection: a claim
 * commits before delivery starts, so no transaction or lock is held while a receiver is called.
 */
@ApplicationScoped
class OutboxStore {

    /**
     * Due rows of endpoints that are not paused, oldest due first, skipping rows other nodes hold.
     * Moving next_attempt_at to the end of the lease is the claim: until then no node sees the row as
     * due, and afterwards every node does again, which is what makes a dead node's claim expire.
     */
    private static final NamedSql CLAIM = NamedSql.of("""
            WITH due AS (
                SELECT m.id FROM notify_messages m
                WHERE m.status = 'PENDING' AND m.next_attempt_at <= :now
                  AND NOT EXISTS (SELECT 1 FROM notify_endpoints e
                                  WHERE m.recipient_kind = 'ENDPOINT' AND e.name = m.recipient AND e.state = 'PAUSED')
                ORDER BY m.next_attempt_at
                LIMIT :batch
                FOR UPDATE OF m SKIP LOCKED)
            UPDATE notify_messages m SET next_attempt_at = :leaseUntil, lease_until = :leaseUntil, leased_by = :node
            FROM due WHERE m.id = due.id
            RETURNING m.id, m.message_id, m.event_type, m.channel, m.recipient_kind, m.recipient, m.account_id,
                      m.subject, m.body_text, m.body_html, m.payload::text AS payload, m.evidence::text AS evidence,
                      m.attempts, m.cycle_attempts, m.created_at""");

    /** Finishes or reschedules a message and records the attempt, unless another node finished it meanwhile. */
    private static final NamedSql ATTEMPTED = NamedSql.of("""
            WITH m AS (
                UPDATE notify_messages
                SET status = :status, attempts = attempts + 1, cycle_attempts = cycle_attempts + 1,
                    next_attempt_at = :nextAttemptAt, lease_until = NULL, leased_by = NULL, last_error = :error,
                    delivered_at = CASE WHEN :status = 'DELIVERED' THEN CAST(:now AS timestamptz) END,
                    finished_at = CASE WHEN :status = 'PENDING' THEN NULL ELSE CAST(:now AS timestamptz) END
                WHERE id = :id AND status = 'PENDING'
                RETURNING id, attempts)
            INSERT INTO notify_attempts (message_id, attempt, started_at, latency_ms, outcome, status_code, target, error, node)
            SELECT id, attempts, CAST(:startedAt AS timestamptz), CAST(:latencyMs AS integer), CAST(:outcome AS text),
                   CAST(:statusCode AS integer), CAST(:target AS text), CAST(:error AS text), CAST(:node AS text) FROM m""");

    private static final NamedSql FILTERED = NamedSql.of("""
            UPDATE notify_messages SET status = 'FILTERED', last_error = :reason, finished_at = :now,
                                       lease_until = NULL, leased_by = NULL
            WHERE id = :id AND status = 'PENDING'""");

    private static final NamedSql PUT_BACK = NamedSql.of("""
            UPDATE notify_messages SET next_attempt_at = :now, lease_until = NULL, leased_by = NULL
            WHERE id = :id AND status = 'PENDING'""");

    @Inject
    AgroalDataSource dataSource;

    List<ClaimedMessage> claim(Instant now, Instant leaseUntil, String node, int batch) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = CLAIM.prepare(c, Map.of("now", now, "leaseUntil", leaseUntil, "node", node,
                        "batch", batch));
                ResultSet rs = ps.executeQuery()) {
            List<ClaimedMessage> claimed = new ArrayList<>();
            while (rs.next()) {
                claimed.add(new ClaimedMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"),
                        DeliveryChannel.valueOf(rs.getString("channel")),
                        RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient"),
                        (Long) rs.getObject("account_id"), rs.getString("subject"), rs.getString("body_text"),
                        rs.getString("body_html"), rs.getString("payload"), rs.getString("evidence"),
                        rs.getInt("attempts"), rs.getInt("cycle_attempts"), rs.getTimestamp("created_at").toInstant()));
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due notifications", e);
        }
    }

    /**
     * Records an attempt: {@code status} is DELIVERED, DEAD, or PENDING with the next attempt's time.
     * False when the message was no longer pending (another node finished it after our lease ran out).
     */
    boolean attempted(long id, String status, Instant nextAttemptAt, Instant startedAt, Outcome outcome, String attemptOutcome,
            String node, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("status", status);
        values.put("nextAttemptAt", nextAttemptAt == null ? now : nextAttemptAt);
        values.put("error", outcome.error());
        values.put("now", now);
        values.put("startedAt", startedAt);
        values.put("latencyMs", (int) Math.min(Integer.MAX_VALUE, outcome.latencyMs()));
        values.put("outcome", attemptOutcome);
        values.put("statusCode", outcome.statusCode());
        values.put("target", outcome.target());
        values.put("node", node);
        return update(ATTEMPTED, values) > 0;
    }

    void filtered(long id, String reason, Instant now) {
        update(FILTERED, Map.of("id", id, "reason", reason, "now", now));
    }

    void putBack(long id, Instant now) {
        update(PUT_BACK, Map.of("id", id, "now", now));
    }

    private int update(NamedSql sql, Map<String, ?> values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, values)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a notification's delivery", e);
        }
    }
}
