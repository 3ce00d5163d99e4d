package io.cmeautopilot.web.work;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.rules.api.TaskType;
import io.cmeautopilot.tasks.TaskFilter;
import io.cmeautopilot.tasks.TaskStatus;

/**
 * The filters of a queue as a form sends them (all optional strings): {@code status} (open, or one
 * status), {@code type}, {@code priority}, {@code due} (overdue, today, week) and {@code account}.
 * A value the form could not have sent is a 422 naming the field, as the API answers.
 */
public record WorkFilter(String status, String type, String priority, String due, Long account) {

    static final List<String> DUE_CHOICES = List.of("overdue", "today", "week");

    public static WorkFilter of(String status, String type, String priority, String due, String account) {
        WorkFilter f = new WorkFilter(blank(status), blank(type), blank(priority), blank(due), accountId(account));
        f.statuses();
        if (f.type != null && Arrays.stream(TaskType.values()).noneMatch(t -> t.code().equals(f.type))) {
            throw ProblemException.invalidField("type", "must be one of " + String.join(", ", types()));
        }
        if (f.priority != null) {
            priorityOf(f.priority);
        }
        if (f.due != null && !DUE_CHOICES.contains(f.due)) {
            throw ProblemException.invalidField("due", "must be one of " + String.join(", ", DUE_CHOICES));
        }
        return f;
    }

    /** The service's filter, due times resolved in the reader's zone. */
    public TaskFilter toTaskFilter(Instant now, ZoneId zone) {
        Instant dueBefore = due == null ? null : switch (due) {
            case "overdue" -> now;
            case "today" -> now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            default -> now.plus(java.time.Duration.ofDays(7));
        };
        return new TaskFilter(statuses(), type, priority == null ? null : priorityOf(priority), dueBefore, account);
    }

    Set<TaskStatus> statuses() {
        if (status == null || "open".equals(status)) {
            return TaskStatus.OPEN_STATES;
        }
        try {
            return EnumSet.of(TaskStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be open or one of " + Arrays.toString(TaskStatus.values()));
        }
    }

    public Map<String, String> asQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, "status", status);
        put(q, "type", type);
        put(q, "priority", priority);
        put(q, "due", due);
        put(q, "account", account == null ? null : account.toString());
        return q;
    }

    static List<String> types() {
        return Arrays.stream(TaskType.values()).map(TaskType::code).toList();
    }

    static List<String> priorities() {
        return Arrays.stream(Priority.values()).map(Enum::name).toList();
    }

    private static Priority priorityOf(String value) {
        try {
            return Priority.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("priority", "must be one of " + String.join(", ", priorities()));
        }
    }

    private static Long accountId(String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("account", "must be an account id (a whole number)");
        }
    }

    private static void put(Map<String, String> q, String key, String value) {
        if (value != null) {
            q.put(key, value);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
