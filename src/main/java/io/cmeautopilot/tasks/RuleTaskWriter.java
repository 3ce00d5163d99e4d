package io.cmeautopilot.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.tasks.teams.TeamAssigner;

/**
 * Turns rule proposals into queue tasks. While a task with the same dedupe key is open, a new
 * proposal refreshes it (evidence, run; priority only ever goes up) instead of adding another: the
 * partial unique index on open dedupe keys makes this hold for concurrent runs on any node. After a
 * task closes, its key is not proposed again until the rule's cooldown has passed. A new task goes
 * to the account owner, else as the team's assignment strategy deals it (see {@link TeamAssigner}).
 */
@ApplicationScoped
public class RuleTaskWriter {

    /** What happened to one proposal. */
    public enum Outcome {
        CREATED, UPDATED, SUPPRESSED_BY_COOLDOWN
    }

    private static final NamedSql IN_COOLDOWN = NamedSql.of("""
            SELECT 1 FROM tasks WHERE dedupe_key = :key AND closed_at > :since LIMIT 1""");

    private static final NamedSql OPEN_PRIORITY = NamedSql.of("""
            SELECT priority FROM tasks
            WHERE dedupe_key = :key AND status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED')""");

    private static final NamedSql UPSERT = NamedSql.of("""
            WITH account AS (SELECT team FROM accounts WHERE id = :account)
            INSERT INTO tasks AS t (account_id, type, title, body, priority, due_at, status, assignee, team, origin,
                                    rule_name, rule_book_version, run_id, proposed_at, evidence, dedupe_key, link,
                                    created_by, created_at, updated_at)
            SELECT :account, :type, :title, :body, :priority, :due, 'OPEN', :assignee, account.team, 'rule',
                   :rule, :version, :run, :now, CAST(:evidence AS jsonb), :key, :link, :actor, :now, :now
            FROM account
            ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED')
            DO UPDATE SET evidence = excluded.evidence, run_id = excluded.run_id, proposed_at = excluded.proposed_at,
                          rule_book_version = excluded.rule_book_version, updated_at = excluded.updated_at,
                          priority = CASE WHEN excluded.queue_rank < t.queue_rank THEN excluded.priority ELSE t.priority END,
                          version = t.version + CASE WHEN excluded.queue_rank < t.queue_rank THEN 1 ELSE 0 END
            RETURNING t.id, (xmax = 0) AS created, t.priority""");

    private static final NamedSql HISTORY = NamedSql.of("""
            INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
            VALUES (:task, :now, :actor, :change, :from, :to, :note)""");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    AccountLookup accounts;
    @Inject
    TeamAssigner assigner;

    /** What {@link #write} would do with this proposal now, without writing anything. */
    public Outcome preview(RuleTask task) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            if (task.cooldown() != null && inCooldown(c, task.dedupeKey(), now.minus(task.cooldown()))) {
                return Outcome.SUPPRESSED_BY_COOLDOWN;
            }
            return openPriority(c, task.dedupeKey()) == null ? Outcome.CREATED : Outcome.UPDATED;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the tasks of " + task.rule(), e);
        }
    }

    private static final NamedSql AUTO_RESOLVE = NamedSql.of("""
            WITH target AS (
                SELECT t.id, t.status FROM tasks t
                -- Open, said as "not closed" on purpose: written as status IN (open ones) it matched the
                -- predicate of the queue indexes, and PostgreSQL, its statistics still saying few tasks
                -- were open, walked a whole queue index for every chunk. This way only the account index
                -- fits: a chunk's thousand accounts.
                WHERE t.account_id = ANY(CAST(:ids AS bigint[])) AND t.status NOT IN ('DONE', 'DISMISSED')
                  AND t.origin = 'rule' AND t.rule_name = ANY(:rules) AND t.link IS NULL
                  AND t.proposed_at < :since AND NOT (t.account_id = ANY(:excluded))
                FOR UPDATE
            ), closed AS (
                UPDATE tasks t SET status = 'DONE', closed_at = :now, closed_by = 'system', updated_at = :now,
                       outcome = 'Resolved automatically: the rule no longer proposes it', version = t.version + 1
                FROM target WHERE t.id = target.id
                RETURNING t.id, target.status AS was
            ), logged AS (
                INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
                SELECT id, :now, 'system', 'status', was, 'DONE', :note FROM closed
            )
            SELECT count(*) FROM closed""");

    /**
     * After an applied run over these accounts (a chunk): the open tasks of these (auto-resolving)
     * rules for the accounts that no run proposed since this one started are closed as resolved. (Comparing
     * with the start, not with the run id, keeps two overlapping runs from closing each other's
     * fresh proposals.) Accounts whose evaluation failed or was stopped are left alone: their
     * silence proves nothing.
     */
    public int autoResolve(long runId, Instant since, Collection<String> rules, Long[] accountIds, Long[] excluded) {
        if (rules.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<String, Object> p = new HashMap<>();
        p.put("rules", rules.toArray(String[]::new));
        p.put("since", since);
        p.put("excluded", excluded);
        p.put("ids", accountIds);
        p.put("now", now);
        p.put("note", "auto-resolved by run " + runId);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = AUTO_RESOLVE.prepare(c, p);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not auto-resolve the tasks of run " + runId, e);
        }
    }

    /** Applies one proposal, inside the caller's transaction. */
    public Outcome write(RuleTask task) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            if (task.cooldown() != null && inCooldown(c, task.dedupeKey(), now.minus(task.cooldown()))) {
                return Outcome.SUPPRESSED_BY_COOLDOWN;
            }
            return upsert(c, task, now).created() ? Outcome.CREATED : Outcome.UPDATED;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the task proposed by " + task.rule(), e);
        }
    }

    /** The task's row after an upsert, and whether the upsert created it. */
    record Written(long id, boolean created) {
    }

    /**
     * Creates the task, or refreshes the open one with the same dedupe key (none when the key is
     * null). Only a new task is assigned: the account owner, else the team's strategy deals it.
     */
    Written upsert(Connection c, RuleTask task, Instant now) throws SQLException {
        String actor = "rule:" + task.rule();
        String before = task.dedupeKey() == null ? null : openPriority(c, task.dedupeKey());
        // A concurrent run may still create the same key between this look and the insert: then the
        // insert becomes an update and this deal is lost (a round-robin turn skipped, never a duplicate).
        AccountLookup.Ownership owner = before != null ? null : accounts.ownership(task.accountId()).orElse(null);
        String assignee = owner == null ? null : assigner.assigneeFor(owner.owner(), owner.team()).orElse(null);
        Map<String, Object> p = new HashMap<>();
        p.put("account", task.accountId());
        p.put("type", task.type());
        p.put("title", task.title());
        p.put("body", task.body());
        p.put("priority", task.priority().name());
        p.put("due", task.dueAt());
        p.put("assignee", assignee);
        p.put("rule", task.rule());
        p.put("version", task.ruleBookVersion());
        p.put("run", task.runId());
        p.put("evidence", json(task.evidence()));
        p.put("key", task.dedupeKey());
        p.put("link", task.link());
        p.put("actor", actor);
        p.put("now", now);
        try (PreparedStatement ps = UPSERT.prepare(c, p); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("account " + task.accountId() + " disappeared during the run");
            }
            long id = rs.getLong("id");
            if (rs.getBoolean("created")) {
                history(c, id, now, actor, "created", null, "OPEN", task.title());
                if (assignee != null && owner.owner() == null) {
                    history(c, id, now, actor, "assignee", null, assignee, "dealt by the team's strategy");
                }
                return new Written(id, true);
            }
            String after = rs.getString("priority");
            if (!after.equals(before)) {
                history(c, id, now, actor, "priority", before, after, "proposed again in run " + task.runId());
            }
            return new Written(id, false);
        }
    }

    static String json(Map<String, Object> evidence) {
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The evidence cannot be written as JSON", e);
        }
    }

    private static String openPriority(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = OPEN_PRIORITY.prepare(c, Map.of("key", key)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean inCooldown(Connection c, String key, Instant since) throws SQLException {
        try (PreparedStatement ps = IN_COOLDOWN.prepare(c, Map.of("key", key, "since", since));
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static void history(Connection c, long task, Instant now, String actor, String change, String from,
            String to, String note) throws SQLException {
        Map<String, Object> p = new HashMap<>();
        p.put("task", task);
        p.put("now", now);
        p.put("actor", actor);
        p.put("change", change);
        p.put("from", from);
        p.put("to", to);
        p.put("note", note);
        try (PreparedStatement ps = HISTORY.prepare(c, p)) {
            ps.executeUpdate();
        }
    }
}
