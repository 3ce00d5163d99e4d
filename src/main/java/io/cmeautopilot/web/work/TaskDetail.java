package io.cmeautopilot.web.work;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cmeautopilot.tasks.TaskStatus;
import io.cmeautopilot.tasks.TaskView;

/**
 * A task as its page shows it: the row (account, service level), everything that happened to it,
 * and whom it may be handed to. Says which moves its status allows, so the page offers only those.
 */
public record TaskDetail(TaskRow row, List<TaskView.Change> history, List<String> members, boolean showRuns) {

    public TaskView task() {
        return row.task();
    }

    /** This task's page, where a form without JavaScript comes back to. */
    public String path() {
        return TaskPage.path(task().id());
    }

    public boolean canStart() {
        return task().status() == TaskStatus.OPEN || task().status() == TaskStatus.SNOOZED;
    }

    public boolean canSnooze() {
        return task().status() == TaskStatus.OPEN || task().status() == TaskStatus.IN_PROGRESS;
    }

    public boolean open() {
        return row.open();
    }

    public boolean fromRule() {
        return "rule".equals(task().origin().kind());
    }

    /** The matched values, sorted by name, for the "why" table. */
    public Map<String, Object> evidence() {
        return task().origin().evidence() == null ? Map.of() : new TreeMap<>(task().origin().evidence());
    }

    /** The console page of the offer or suggestion this task is about. */
    public String linkHref() {
        return new io.cmeautopilot.web.ConsoleLinks().of(task().link());
    }

    public String linkLabel() {
        String link = task().link();
        return link == null ? null : link.contains("/offers/") ? "the retention offer" : "the expansion suggestion";
    }
}
