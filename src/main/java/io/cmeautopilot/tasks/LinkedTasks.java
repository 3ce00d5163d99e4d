package io.cmeautopilot.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;

/**
 * The tasks that put offers and suggestions on a CME's queue. The owner of the link drives them:
 * opens one with the offer, starts it when work begins, closes it when the offer is settled. Each
 * change lands in the task's history, in the caller's transaction. CMEs closing such a task
 * themselves are announced with {@link TaskClosing}.
 */
@ApplicationScoped
public class LinkedTasks {

    private static final String OPEN_STATES = "('OPEN', 'IN_PROGRESS', 'SNOOZED')";

    private static final NamedSql CLOSE = NamedSql.of("""
            WITH target AS (
                SELECT id, status FROM tasks WHERE id = :id AND status IN %s FOR UPDATE
            ), closed AS (
                UPDATE tasks t SET status = :status, outcome = :outcome, closed_at = :now, closed_by = :actor,
                       snoozed_until = NULL, version = t.version + 1, updated_at = :now
                FROM target WHERE t.id = target.id
                RETURNING t.id, target.status AS was
            )
            INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
            SELECT id, :now, :actor, 'status', was, :status, :outcome FROM closed""".formatted(OPEN_STATES));

    private static final NamedSql START = NamedSql.of("""
            WITH target AS (
                SELECT id, status, assignee FROM tasks WHERE id = :id AND status IN ('OPEN', 'SNOOZED') FOR UPDATE
            ), started AS (
                UPDATE tasks t SET status = 'IN_PROGRESS', snoozed_until = NULL, assignee = coalesce(t.assignee, :actor),
                       version = t.version + 1, updated_at = :now
                FROM target WHERE t.id = target.id
                RETURNING t.id, target.status AS was, target.assignee AS had
            ), status_logged AS (
                INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
                SELECT id, :now, :actor, 'status', was, 'IN_PROGRESS', :note FROM started
            )
            INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
            SELECT id, :now, :actor, 'assignee', NULL, :actor, :note FROM started WHERE had IS NULL""");

    @Inject
    RuleTaskWriter writer;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    /**
     * Opens the task of an offer or suggestion ({@code task.link()} set, no dedupe key: the offer
     * has its own), assigned like any rule task. Returns its id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long open(RuleTask task) {
        if (task.link() == null || task.dedupeKey() != null) {
            throw new IllegalArgumentException("a linked task has a link and no dedupe key of its own");
        }
        try (Connection c = dataSource.getConnection()) {
            return writer.upsert(c, task, clock.instant()).id();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open the task of " + task.link(), e);
        }
    }

    /** Moves the task to IN_PROGRESS (taking it for the actor when unassigned); a task not OPEN or SNOOZED stays as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(long taskId, String actor, String note) {
        Map<String, Object> p = new HashMap<>();
        p.put("note", note);
        execute(START, taskId, actor, p);
    }

    /** Closes the task as DONE or DISMISSED with this outcome; a task already closed stays as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(long taskId, TaskStatus status, String outcome, String actor) {
        if (!status.isClosed()) {
            throw new IllegalArgumentException(status + " does not close a task");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("status", status.name());
        p.put("outcome", outcome);
        execute(CLOSE, taskId, actor, p);
    }

    private void execute(NamedSql sql, long taskId, String actor, Map<String, Object> p) {
        Instant now = clock.instant();
        p.put("id", taskId);
        p.put("actor", actor);
        p.put("now", now);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, p)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update linked task " + taskId, e);
        }
    }
}
