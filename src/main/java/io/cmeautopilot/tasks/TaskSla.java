package io.cmeautopilot.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.quarkus.scheduler.Scheduled;

/**
 * Service levels of the queues, every minute on every node: snoozed tasks wake when their time
 * comes, and an overdue open task is escalated once (priority up one step, in its history).
 * Batches are claimed with SKIP LOCKED, so nodes share the work and never do it twice.
 */
@ApplicationScoped
class TaskSla {

    private static final Logger LOG = Logger.getLogger(TaskSla.class);
    static final int BATCH = 1_000;

    private static final NamedSql WAKE = NamedSql.of("""
            WITH woken AS (
                UPDATE tasks SET status = 'OPEN', snoozed_until = NULL, version = version + 1, updated_at = :now
                WHERE id IN (SELECT id FROM tasks WHERE status = 'SNOOZED' AND snoozed_until <= :now
                             ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                RETURNING id
            ), logged AS (
                INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
                SELECT id, :now, 'system', 'status', 'SNOOZED', 'OPEN', 'snooze ended' FROM woken
            )
            SELECT count(*) FROM woken""");

    private static final NamedSql ESCALATE = NamedSql.of("""
            WITH overdue AS (
                SELECT id, priority FROM tasks
                WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_at < :now AND escalated_at IS NULL
                ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED
            ), raised AS (
                UPDATE tasks t SET priority = CASE o.priority WHEN 'LOW' THEN 'NORMAL' WHEN 'NORMAL' THEN 'HIGH'
                                                              ELSE 'URGENT' END,
                       escalated_at = :now, version = t.version + 1, updated_at = :now
                FROM overdue o WHERE t.id = o.id
                RETURNING t.id, o.priority AS was, t.priority AS now_is
            ), logged AS (
                INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
                SELECT id, :now, 'system', 'priority', was, now_is, 'overdue' FROM raised
            )
            SELECT count(*) FROM raised""");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    /** What one round did. */
    record Round(int woken, int escalated) {
    }

    @Scheduled(identity = "task-sla", every = "${cme.tasks.sla-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        runOnce();
    }

    Round runOnce() {
        Instant now = clock.instant();
        int woken = repeat(WAKE, now);
        int escalated = repeat(ESCALATE, now);
        if (woken + escalated > 0) {
            LOG.infof("Task SLA: %d snoozed task(s) woke, %d overdue task(s) escalated", woken, escalated);
        }
        return new Round(woken, escalated);
    }

    private int repeat(NamedSql statement, Instant now) {
        int total = 0;
        int done;
        do {
            done = once(statement, now);
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int once(NamedSql statement, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = statement.prepare(c, Map.of("now", now, "batch", BATCH));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The task SLA round failed", e);
        }
    }
}
