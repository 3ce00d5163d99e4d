package io.cmeautopilot.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.tasks.RuleTaskWriter.Outcome;
import io.cmeautopilot.tasks.teams.TeamAssigner;

/**
 * {@link RuleTaskWriter}'s rules for a whole chunk of proposals in a fixed number of statements:
 * one look-up of every key (open task? closed within the cooldown?), one read of the accounts'
 * owners, one upsert and one history insert, whatever the chunk's size. Same outcomes as one
 * {@link RuleTaskWriter#write} per task: the database's unique index on open keys still decides
 * between creating and refreshing, so concurrent runs on any node never make two open tasks.
 */
@ApplicationScoped
public class RuleTaskBatchWriter {

    /**
     * Every task ever made for each key (one index range each): the open one's priority, and whether
     * one closed after the key's cooldown started (null: the rule has no cooldown).
     */
    private static final NamedSql LOOK_UP = NamedSql.of("""
            SELECT k.key, x.open_priority, coalesce(x.cooling, false) AS cooling
            FROM unnest(CAST(:keys AS text[]), CAST(:since AS timestamptz[])) AS k(key, since)
            LEFT JOIN LATERAL (
                SELECT max(t.priority) FILTER (WHERE t.status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED')) AS open_priority,
                       bool_or(t.closed_at > k.since) AS cooling
                FROM tasks t WHERE t.dedupe_key = k.key) x ON true""");

    private static final NamedSql OWNERS = NamedSql.of("SELECT id, owner, team FROM accounts WHERE id = ANY(:ids)");

    private static final NamedSql UPSERT = NamedSql.of("""
            INSERT INTO tasks AS t (account_id, type, title, body, priority, due_at, status, assignee, team, origin,
                                    rule_name, rule_book_version, run_id, proposed_at, evidence, dedupe_key,
                                    created_by, created_at, updated_at)
            SELECT p.account, p.type, p.title, p.body, p.priority, p.due, 'OPEN', p.assignee,
                   (SELECT a.team FROM accounts a WHERE a.id = p.account), 'rule',
                   p.rule, p.version, p.run, :now, CAST(p.evidence AS jsonb), p.key, 'rule:' || p.rule, :now, :now
            FROM unnest(CAST(:accounts AS bigint[]), CAST(:types AS text[]), CAST(:titles AS text[]),
                        CAST(:bodies AS text[]), CAST(:priorities AS text[]), CAST(:dues AS timestamptz[]),
                        CAST(:assignees AS text[]), CAST(:rules AS text[]), CAST(:versions AS text[]),
                        CAST(:runs AS bigint[]), CAST(:evidence AS text[]), CAST(:keys AS text[]))
                 AS p(account, type, title, body, priority, due, assignee, rule, version, run, evidence, key)
            -- Key order: concurrent runs over the same accounts take the key locks in the same order.
            ORDER BY p.key
            ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED')
            DO UPDATE SET evidence = excluded.evidence, run_id = excluded.run_id, proposed_at = excluded.proposed_at,
                          rule_book_version = excluded.rule_book_version, updated_at = excluded.updated_at,
                          priority = CASE WHEN excluded.queue_rank < t.queue_rank THEN excluded.priority ELSE t.priority END,
                          version = t.version + CASE WHEN excluded.queue_rank < t.queue_rank THEN 1 ELSE 0 END
            RETURNING t.id, t.dedupe_key, (xmax = 0) AS created, t.priority""");

    private static final NamedSql HISTORY = NamedSql.of("""
            INSERT INTO task_history (task_id, at, actor, change, from_value, to_value, note)
            SELECT h.task, :now, h.actor, h.change, h.from_value, h.to_value, h.note
            FROM unnest(CAST(:tasks AS bigint[]), CAST(:actors AS text[]), CAST(:changes AS text[]),
                        CAST(:froms AS text[]), CAST(:tos AS text[]), CAST(:notes AS text[]))
                 AS h(task, actor, change, from_value, to_value, note)""");

    @Inject
    Clock clock;
    @Inject
    TeamAssigner assigner;
    @Inject
    RuleTaskWriter single;

    /**
     * Applies the proposals inside the caller's transaction; answers one outcome per task, in order.
     * Tasks without a dedupe key, and a key's second proposal in the same batch, take the one-by-one
     * path (they are rare: the engine proposes each key once per account).
     */
    public List<Outcome> writeAll(Connection c, List<RuleTask> tasks) throws SQLException {
        Instant now = clock.instant();
        // Each key's first proposal; the rest (and tasks without a key) are written one by one below.
        Map<String, RuleTask> byKey = new LinkedHashMap<>();
        for (RuleTask task : tasks) {
            if (task.dedupeKey() != null) {
                byKey.putIfAbsent(task.dedupeKey(), task);
            }
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        if (!byKey.isEmpty()) {
            Map<String, String> openPriority = new HashMap<>();
            List<RuleTask> toWrite = new ArrayList<>();
            lookUp(c, byKey, now, openPriority, outcomes, toWrite);
            upsert(c, toWrite, byKey, openPriority, outcomes, now);
        }
        List<Outcome> answer = new ArrayList<>(tasks.size());
        for (RuleTask task : tasks) {
            boolean batched = task.dedupeKey() != null && byKey.get(task.dedupeKey()) == task;
            answer.add(batched ? outcomes.get(task.dedupeKey()) : null);
        }
        // After the batch, so that a key's second proposal refreshes what its first one wrote.
        for (int i = 0; i < tasks.size(); i++) {
            if (answer.get(i) == null) {
                answer.set(i, single.write(tasks.get(i)));
            }
        }
        return answer;
    }

    /** Sorts the keys: in cooldown (answered now), or to be written (with the open task's priority, if any). */
    private static void lookUp(Connection c, Map<String, RuleTask> byKey, Instant now,
            Map<String, String> openPriority, Map<String, Outcome> outcomes, List<RuleTask> toWrite)
            throws SQLException {
        List<String> keys = new ArrayList<>();
        List<Instant> since = new ArrayList<>();
        for (RuleTask task : byKey.values()) {
            keys.add(task.dedupeKey());
            since.add(task.cooldown() == null ? null : now.minus(task.cooldown()));
        }
        try (PreparedStatement ps = LOOK_UP.prepare(c, Map.of("keys", keys.toArray(String[]::new),
                "since", since.toArray(Instant[]::new))); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString("key");
                if (rs.getBoolean("cooling")) {
                    outcomes.put(key, Outcome.SUPPRESSED_BY_COOLDOWN);
                } else {
                    String priority = rs.getString("open_priority");
                    if (priority != null) {
                        openPriority.put(key, priority);
                    }
                    toWrite.add(byKey.get(key));
                }
            }
        }
    }

    /**
     * Creates or refreshes every task in one statement. (An account deleted since the chunk read it
     * fails the statement on its foreign key: the chunk is tried again without it.)
     */
    private void upsert(Connection c, List<RuleTask> tasks, Map<String, RuleTask> byKey,
            Map<String, String> openPriority, Map<String, Outcome> outcomes, Instant now) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        Map<Long, String[]> owners = owners(c, tasks.stream().filter(t -> !openPriority.containsKey(t.dedupeKey()))
                .map(RuleTask::accountId).distinct().toArray(Long[]::new));
        int n = tasks.size();
        Long[] accounts = new Long[n];
        Long[] runs = new Long[n];
        String[] types = new String[n], titles = new String[n], bodies = new String[n], priorities = new String[n],
                assignees = new String[n], rules = new String[n], versions = new String[n], evidence = new String[n],
                keys = new String[n];
        Instant[] dues = new Instant[n];
        Map<String, String> dealtByTeam = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RuleTask t = tasks.get(i);
            accounts[i] = t.accountId();
            runs[i] = t.runId();
            types[i] = t.type();
            titles[i] = t.title();
            bodies[i] = t.body();
            priorities[i] = t.priority().name();
            dues[i] = t.dueAt();
            rules[i] = t.rule();
            versions[i] = t.ruleBookVersion();
            evidence[i] = RuleTaskWriter.json(t.evidence());
            keys[i] = t.dedupeKey();
            String[] owner = owners.get(t.accountId());
            if (owner != null) {
                // Only a new task is dealt: the owner, else the team's strategy (see TeamAssigner).
                assignees[i] = assigner.assigneeFor(owner[0], owner[1]).orElse(null);
                if (owner[0] == null && assignees[i] != null) {
                    dealtByTeam.put(t.dedupeKey(), assignees[i]);
                }
            }
        }
        Map<String, Object> p = new HashMap<>();
        p.put("accounts", accounts);
        p.put("types", types);
        p.put("titles", titles);
        p.put("bodies", bodies);
        p.put("priorities", priorities);
        p.put("dues", dues);
        p.put("assignees", assignees);
        p.put("rules", rules);
        p.put("versions", versions);
        p.put("runs", runs);
        p.put("evidence", evidence);
        p.put("keys", keys);
        p.put("now", now);
        History history = new History();
        try (PreparedStatement ps = UPSERT.prepare(c, p); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString("dedupe_key");
                RuleTask task = byKey.get(key);
                long id = rs.getLong("id");
                String actor = "rule:" + task.rule();
                if (rs.getBoolean("created")) {
                    outcomes.put(key, Outcome.CREATED);
                    history.add(id, actor, "created", null, "OPEN", task.title());
                    if (dealtByTeam.containsKey(key)) {
                        history.add(id, actor, "assignee", null, dealtByTeam.get(key), "dealt by the team's strategy");
                    }
                } else {
                    outcomes.put(key, Outcome.UPDATED);
                    String before = openPriority.get(key);
                    String after = rs.getString("priority");
                    if (before != null && !after.equals(before)) {
                        history.add(id, actor, "priority", before, after, "proposed again in run " + task.runId());
                    }
                }
            }
        }
        history.insert(c, now);
    }

    /** Owner and team of each account, by id. */
    private static Map<Long, String[]> owners(Connection c, Long[] ids) throws SQLException {
        Map<Long, String[]> owners = new HashMap<>();
        if (ids.length == 0) {
            return owners;
        }
        try (PreparedStatement ps = OWNERS.prepare(c, Map.of("ids", ids)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.put(rs.getLong("id"), new String[] { rs.getString("owner"), rs.getString("team") });
            }
        }
        return owners;
    }

    /** History rows collected while the upsert's results are read, inserted in one statement. */
    private static final class History {
        final List<Long> tasks = new ArrayList<>();
        final List<String> actors = new ArrayList<>(), changes = new ArrayList<>(), froms = new ArrayList<>(),
                tos = new ArrayList<>(), notes = new ArrayList<>();

        void add(long task, String actor, String change, String from, String to, String note) {
            tasks.add(task);
            actors.add(actor);
            changes.add(change);
            froms.add(from);
            tos.add(to);
            notes.add(note);
        }

        void insert(Connection c, Instant now) throws SQLException {
            if (tasks.isEmpty()) {
                return;
            }
            Map<String, Object> p = new HashMap<>();
            p.put("tasks", tasks.toArray(Long[]::new));
            p.put("actors", actors.toArray(String[]::new));
            p.put("changes", changes.toArray(String[]::new));
            p.put("froms", froms.toArray(String[]::new));
            p.put("tos", tos.toArray(String[]::new));
            p.put("notes", notes.toArray(String[]::new));
            p.put("now", now);
            try (PreparedStatement ps = HISTORY.prepare(c, p)) {
                ps.executeUpdate();
            }
        }
    }
}
