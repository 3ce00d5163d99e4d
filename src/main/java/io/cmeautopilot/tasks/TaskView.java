package io.cmeautopilot.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cmeautopilot.rules.api.Priority;

/**
 * A task as the API shows it; {@code origin} and {@code evidence} answer "why is this in my queue?".
 * {@code link} is the API path of the offer or suggestion the task belongs to, if any; {@code escalatedAt}
 * when the SLA raised its priority because it was overdue.
 */
public record TaskView(long id, long accountId, String type, String title, String body, List<ChecklistStep> checklist,
        Priority priority, Instant dueAt, TaskStatus status, Instant snoozedUntil, String assignee, String team,
        Origin origin, String link, String outcome, Instant closedAt, String closedBy, String createdBy, long version,
        Instant createdAt, Instant updatedAt, Instant escalatedAt) {

    /** Where the task came from: a rule (with the rule book version, run and matched values) or a person. */
    public record Origin(String kind, String rule, String ruleBookVersion, Long runId, Map<String, Object> evidence) {
    }

    /** One entry of a task's history. */
    public record Change(Instant at, String actor, String change, String from, String to, String note) {
    }

    static TaskView of(CmeTask t) {
        return new TaskView(t.id, t.accountId, t.type, t.title, t.body, List.copyOf(t.checklist), t.priority, t.dueAt,
                t.status, t.snoozedUntil, t.assignee, t.team,
                new Origin(t.origin, t.ruleName, t.ruleBookVersion, t.runId, t.evidence), t.link, t.outcome, t.closedAt,
                t.closedBy, t.createdBy, t.version, t.createdAt, t.updatedAt, t.escalatedAt);
    }

    static Change of(TaskHistoryEntry e) {
        return new Change(e.at, e.actor, e.change, e.fromValue, e.toValue, e.note);
    }
}
