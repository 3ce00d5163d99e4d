package io.cmeautopilot.tasks;

import java.util.Set;

import io.cmeautopilot.rules.api.Priority;

/**
 * Which tasks to list across queues ({@code GET /api/tasks}, the console's team and account views):
 * every field optional but {@code statuses}; {@code unassigned} keeps only tasks nobody holds.
 */
public record TaskQuery(Set<TaskStatus> statuses, String team, String assignee, boolean unassigned, String rule,
        String type, Priority priority, Long accountId) {

    /** The open tasks of one account. */
    public static TaskQuery openOf(long accountId) {
        return new TaskQuery(TaskStatus.OPEN_STATES, null, null, false, null, null, null, accountId);
    }

    /** The open tasks of one team's queue, assigned or not. */
    public static TaskQuery openOfTeam(String team) {
        return new TaskQuery(TaskStatus.OPEN_STATES, team, null, false, null, null, null, null);
    }
}
