package io.cmeautopilot.offers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.tasks.LinkedTasks;
import io.cmeautopilot.tasks.TaskStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Approved and sent offers whose validity has ended expire on their own, with their linked task
 * closed. Every node runs it; batches are claimed with SKIP LOCKED, so nodes share the work and
 * never expire an offer twice, and an offer a CME is settling at that moment is left for the next round.
 */
@ApplicationScoped
class OfferExpiry {

    private static final Logger LOG = Logger.getLogger(OfferExpiry.class);
    static final int BATCH = 500;

    private static final NamedSql EXPIRE = NamedSql.of("""
            WITH due AS (
                SELECT id, status FROM offers WHERE status IN ('APPROVED', 'SENT') AND expires_at <= :now
                ORDER BY expires_at, id LIMIT :batch FOR UPDATE SKIP LOCKED
            ), expired AS (
                UPDATE offers o SET status = 'EXPIRED', outcome = 'expired', closed_at = :now, closed_by = 'system',
                       version = o.version + 1, updated_at = :now
                FROM due WHERE o.id = due.id
                RETURNING o.id, o.task_id, due.status AS was
            ), logged AS (
                INSERT INTO offer_history (offer_id, at, actor, change, from_value, to_value, note)
                SELECT id, :now, 'system', 'status', was, 'EXPIRED', 'validity ended' FROM expired
            )
            SELECT id, task_id FROM expired""");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LinkedTasks linkedTasks;
    @Inject
    Clock clock;

    @Scheduled(identity = "offer-expiry", every = "${cme.offers.expiry-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        runOnce();
    }

    /** Expires every offer past its validity now; answers how many. */
    int runOnce() {
        Instant now = clock.instant();
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> expireBatch(now));
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("Offer expiry: %d offer(s) expired", total);
        }
        return total;
    }

    private int expireBatch(Instant now) {
        int expired = 0;
        List<Long> tasks = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = EXPIRE.prepare(c, Map.of("now", now, "batch", BATCH));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                expired++;
                long task = rs.getLong("task_id");
                if (!rs.wasNull()) {
                    tasks.add(task);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The offer expiry round failed", e);
        }
        tasks.forEach(task -> linkedTasks.close(task, TaskStatus.DONE, "Retention offer EXPIRED: its validity ended",
                "system"));
        return expired;
    }
}
