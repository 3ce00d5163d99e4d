package io.cmeautopilot.health.report;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.health.SqlRows;

/** The account's open CME tasks, in queue order (the tasks table, read-only). */
@ApplicationScoped
class OpenTasks implements OpenWork {

    static final int LIMIT = 50;

    private static final NamedSql OPEN = NamedSql.of("""
            SELECT id, title, status, priority, due_at, assignee FROM tasks
            WHERE account_id = :id AND status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED')
            ORDER BY queue_rank, due_sort, id LIMIT :limit""");

    @Inject
    AgroalDataSource dataSource;

    @Override
    public List<HealthReport.OpenItem> openFor(long accountId) {
        return SqlRows.list(dataSource, OPEN, Map.of("id", accountId, "limit", LIMIT), rs -> {
            Timestamp due = rs.getTimestamp("due_at");
            return new HealthReport.OpenItem("task", rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                    rs.getString("priority"), due == null ? null : due.toInstant(), rs.getString("assignee"));
        });
    }
}
