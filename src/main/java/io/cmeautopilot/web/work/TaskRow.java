package io.cmeautopilot.web.work;

import java.time.Instant;

import io.cmeautopilot.tasks.TaskStatus;
import io.cmeautopilot.tasks.TaskView;

/** A task as a queue shows it: with its account's name and its service-level state as of now. */
public record TaskRow(TaskView task, String accountName, Instant now) {

    /** overdue, escalated, snoozed, or due (open with a due time); null when none applies. */
    public String sla() {
        if (task.status().isClosed()) {
            return null;
        }
        if (task.dueAt() != null && task.dueAt().isBefore(now)) {
            return task.escalatedAt() != null ? "escalated" : "overdue";
        }
        if (task.escalatedAt() != null) {
            return "escalated";
        }
        if (task.status() == TaskStatus.SNOOZED) {
            return "snoozed";
        }
        return task.dueAt() == null ? null : "due";
    }

    public boolean open() {
        return !task.status().isClosed();
    }

    public boolean unassigned() {
        return task.assignee() == null;
    }

    public String statusLabel() {
        return task.status().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }
}
