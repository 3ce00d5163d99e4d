package io.cmeautopilot.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.common.AccountTimeline;

/** Tasks on an account's timeline: when each was created (by a rule or a person) and closed, with the outcome. */
@ApplicationScoped
class TaskTimeline implements AccountTimeline {

    private static final String TASKS = """
            (SELECT id, title, created_at AS at, 'created' AS what, coalesce(rule_name, created_by) AS who, NULL AS outcome
             FROM tasks WHERE account_id = :id AND created_at >= :since ORDER BY created_at DESC LIMIT :limit)
            UNION ALL
            (SELECT id, title, closed_at, lower(status), closed_by, outcome
             FROM tasks WHERE account_id = :id AND closed_at >= :since ORDER BY closed_at DESC LIMIT :limit)""";

    @Inject
    Jdbi jdbi;

    @Override
    public List<Entry> entries(long accountId, Instant since, int limit) {
        List<Entry> entries = new ArrayList<>(jdbi.withHandle(h -> h.createQuery(TASKS).bind("id", accountId)
                .bind("since", since).bind("limit", limit).map((rs, ctx) -> entry(rs)).list()));
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String what = rs.getString("what");
        String title = "Task " + ("created".equals(what) ? "created" : what) + ": " + rs.getString("title");
        String detail = "created".equals(what) ? "by " + rs.getString("who")
                : "by " + rs.getString("who") + (rs.getString("outcome") == null ? "" : ": " + rs.getString("outcome"));
        return new Entry(rs.getTimestamp("at").toInstant(), "task", title, detail, "/api/tasks/" + rs.getLong("id"));
    }
}
