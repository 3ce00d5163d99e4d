package io.cmeautopilot.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Service levels of the queues, every minute on every node: snoozed tasks wake when their time
 * comes, and an overdue open task is escalated once (priority up one step, in its history) with a
 * notice to its team's lead (an e-mail through the notification outbox, see {@link EscalationNotice}).
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

    /**
     * Escalates a batch and answers each escalated task with its account and whom to tell: its
     * team's lead, else the team's address.
     */
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
                RETURNING t.id, t.account_id, t.type, t.title, t.due_at, t.team, t.assignee, o.priority AS was,
                          t.priority AS now_is
            ), logged AS (
                INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
                SELECT id, :now, 'system', 'priority', was, now_is, 'overdue' FROM raised
            )
            SELECT r.*, a.external_id, a.name AS account_name, tm.lead, tm.email AS team_email
            FROM raised r JOIN accounts a ON a.id = r.account_id LEFT JOIN teams tm ON tm.name = r.team""");

    private static final NamedSql NOTICE = NamedSql.of("""
            INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
            VALUES (:task, :now, 'system', 'notice', NULL, :recipient, :note)""");

    /** One task the round escalated, its account, and its team's lead and address (either may be null). */
    record Escalated(long taskId, long accountId, String accountExternalId, String accountName, String type,
            String title, Instant dueAt, String team, String assignee, String was, String nowIs, String lead,
            String teamEmail) {

        /** Whom to tell: the lead (a user name), else the team's address; null when the team has neither. */
        String recipient() {
            return lead != null ? lead : teamEmail;
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    EscalationNotice notice;

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
        int woken = 0;
        int done;
        do {
            done = wake(now);
            woken += done;
        } while (done == BATCH);
        int escalated = 0;
        do {
            // One transaction per batch: an escalation and the notice to the lead commit together.
            done = QuarkusTransaction.requiringNew().call(() -> escalate(now));
            escalated += done;
        } while (done == BATCH);
        if (woken + escalated > 0) {
            LOG.infof("Task SLA: %d snoozed task(s) woke, %d overdue task(s) escalated", woken, escalated);
        }
        return new Round(woken, escalated);
    }

    private int wake(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = WAKE.prepare(c, Map.of("now", now, "batch", BATCH));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The task SLA round failed to wake snoozed tasks", e);
        }
    }

    private int escalate(Instant now) {
        List<Escalated> escalated = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = ESCALATE.prepare(c, Map.of("now", now, "batch", BATCH));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp dueAt = rs.getTimestamp("due_at");
                    escalated.add(new Escalated(rs.getLong("id"), rs.getLong("account_id"), rs.getString("external_id"),
                            rs.getString("account_name"), rs.getString("type"), rs.getString("title"),
                            dueAt == null ? null : dueAt.toInstant(), rs.getString("team"), rs.getString("assignee"),
                            rs.getString("was"), rs.getString("now_is"), rs.getString("lead"), rs.getString("team_email")));
                }
            }
            for (Escalated e : escalated) {
                if (e.recipient() != null) {
                    noticeToTeamLead(c, e, now);
                }
            }
            return escalated.size();
        } catch (SQLException e) {
            throw new IllegalStateException("The task SLA round failed to escalate overdue tasks", e);
        }
    }

    /**
     * The team lead is to hear of the escalation: recorded in the task's history and written to the
     * notification outbox, both in the escalating transaction.
     */
    private void noticeToTeamLead(Connection c, Escalated e, Instant now) throws SQLException {
        Map<String, Object> p = new HashMap<>();
        p.put("task", e.taskId());
        p.put("now", now);
        p.put("recipient", e.recipient());
        p.put("note", "team lead: '" + e.title() + "' is overdue, priority " + e.was() + " -> " + e.nowIs());
        try (PreparedStatement ps = NOTICE.prepare(c, p)) {
            ps.executeUpdate();
        }
        notice.send(e);
    }
}
