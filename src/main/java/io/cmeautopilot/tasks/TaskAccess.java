package io.cmeautopilot.tasks;

import io.cmeautopilot.common.Caller;

/**
 * Who may see and work a task: ops and admins any; a CME the tasks assigned to them and those of
 * their team's queue. Outside that, a task is "not found" (404), like accounts outside a CME's book.
 */
final class TaskAccess {

    private TaskAccess() {
    }

    static boolean canSee(CmeTask task, Caller caller) {
        return !caller.scopedToOwnAccounts() || caller.username().equals(task.assignee)
                || (caller.team() != null && caller.team().equals(task.team));
    }

    static boolean canWorkQueue(String team, Caller caller) {
        return !caller.scopedToOwnAccounts() || team.equals(caller.team());
    }
}
