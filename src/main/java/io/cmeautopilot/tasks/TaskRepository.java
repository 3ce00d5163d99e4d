package io.cmeautopilot.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
class TaskRepository implements PanacheRepository<CmeTask> {

    @Inject
    AgroalDataSource dataSource;

    /** Queue order: priority (URGENT first), then due time (none last), then age. */
    private static final String ORDER = " order by queueRank, dueSort, id";

    /** The position after which a page starts (keyset pagination). */
    record After(short rank, Instant due, long id) {
    }

    List<CmeTask> page(String column, String value, TaskFilter filter, After after, int limit) {
        StringBuilder q = new StringBuilder(column).append(" = :value and status in :statuses");
        Parameters p = Parameters.with("value", value).and("statuses", filter.statuses());
        if (filter.type() != null) {
            q.append(" and type = :type");
            p.and("type", filter.type());
        }
        if (filter.priority() != null) {
            q.append(" and priority = :priority");
            p.and("priority", filter.priority());
        }
        if (filter.dueBefore() != null) {
            q.append(" and dueAt < :dueBefore");
            p.and("dueBefore", filter.dueBefore());
        }
        if (filter.accountId() != null) {
            q.append(" and accountId = :accountId");
            p.and("accountId", filter.accountId());
        }
        if (after != null) {
            q.append(" and (queueRank > :r or (queueRank = :r and (dueSort > :d or (dueSort = :d and id > :i))))");
            p.and("r", after.rank()).and("d", after.due()).and("i", after.id());
        }
        return find(q + ORDER, p).range(0, limit - 1).list();
    }

    /**
     * Tasks across queues in queue order; a CME's scope (their own tasks and their team's queue) is a
     * condition of the query, so other tasks are simply not there.
     */
    List<CmeTask> list(TaskQuery query, io.cmeautopilot.common.Caller caller, After after, int limit) {
        StringBuilder q = new StringBuilder("status in :statuses");
        Parameters p = Parameters.with("statuses", query.statuses());
        condition(q, p, "team", query.team());
        condition(q, p, "assignee", query.assignee());
        condition(q, p, "ruleName", query.rule());
        condition(q, p, "type", query.type());
        condition(q, p, "priority", query.priority());
        condition(q, p, "accountId", query.accountId());
        if (query.unassigned()) {
            q.append(" and assignee is null");
        }
        if (caller.scopedToOwnAccounts()) {
            q.append(" and (assignee = :me or team = :myTeam)");
            p.and("me", caller.username()).and("myTeam", caller.team() == null ? "" : caller.team());
        }
        if (after != null) {
            q.append(" and (queueRank > :r or (queueRank = :r and (dueSort > :d or (dueSort = :d and id > :i))))");
            p.and("r", after.rank()).and("d", after.due()).and("i", after.id());
        }
        return find(q + ORDER, p).range(0, limit - 1).list();
    }

    private static void condition(StringBuilder q, Parameters p, String field, Object value) {
        if (value != null) {
            q.append(" and ").append(field).append(" = :").append(field);
            p.and(field, value);
        }
    }

    /**
     * Assigns the most urgent unassigned open task of a team and records the claim in its history,
     * in one statement. Rows another claimer holds are skipped ({@code SKIP LOCKED}), so concurrent
     * claimers on any node never get the same task and never wait for each other.
     */
    private static final NamedSql CLAIM = NamedSql.of("""
            WITH next AS (
                SELECT id FROM tasks WHERE team = :team AND assignee IS NULL AND status = 'OPEN'
                ORDER BY queue_rank, due_sort, id LIMIT 1 FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE tasks t SET assignee = :me, version = t.version + 1, updated_at = :now
                FROM next WHERE t.id = next.id RETURNING t.*
            ), logged AS (
                INSERT INTO task_history (task_id, at, actor, change, to_value, note)
                SELECT id, :now, :me, 'assignee', :me, 'claimed' FROM claimed
            )
            SELECT * FROM claimed""");

    /** The claimed task as it now is, read from the claiming statement itself (no second query). */
    Optional<TaskView> claimNextUnassigned(String team, String me, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = CLAIM.prepare(c, Map.of("team", team, "me", me, "now", now));
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(TaskRows.view(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim from the queue of " + team, e);
        }
    }
}
