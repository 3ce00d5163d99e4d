package io.cmeautopilot.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cmeautopilot.rules.api.Priority;

/** Reads a {@code tasks} row straight from JDBC, for statements that change and return a task at once. */
final class TaskRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ChecklistStep>> CHECKLIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {
    };

    private TaskRows() {
    }

    static TaskView view(ResultSet rs) throws SQLException {
        try {
            String evidence = rs.getString("evidence");
            Long runId = rs.getObject("run_id") == null ? null : rs.getLong("run_id");
            return new TaskView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("type"), rs.getString("title"),
                    rs.getString("body"), JSON.readValue(rs.getString("checklist"), CHECKLIST),
                    Priority.valueOf(rs.getString("priority")), instant(rs, "due_at"),
                    TaskStatus.valueOf(rs.getString("status")), instant(rs, "snoozed_until"), rs.getString("assignee"),
                    rs.getString("team"), new TaskView.Origin(rs.getString("origin"), rs.getString("rule_name"),
                            rs.getString("rule_book_version"), runId,
                            evidence == null ? null : JSON.readValue(evidence, EVIDENCE)),
                    rs.getString("link"), rs.getString("outcome"), instant(rs, "closed_at"), rs.getString("closed_by"),
                    rs.getString("created_by"), rs.getLong("version"), instant(rs, "created_at"),
                    instant(rs, "updated_at"), instant(rs, "escalated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored task holds invalid JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
