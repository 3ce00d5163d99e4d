package io.cmeautopilot.tasks;

import java.util.EnumSet;
import java.util.Set;

/** Where a task is in its life; DONE and DISMISSED are final. */
public enum TaskStatus {
    OPEN, IN_PROGRESS, SNOOZED, DONE, DISMISSED;

    public static final Set<TaskStatus> OPEN_STATES = EnumSet.of(OPEN, IN_PROGRESS, SNOOZED);

    public boolean isClosed() {
        return this == DONE || this == DISMISSED;
    }

    /** The legal moves; anything else is a 409 that changes nothing. */
    boolean canMoveTo(TaskStatus next) {
        return switch (next) {
            case IN_PROGRESS -> this == OPEN || this == SNOOZED;
            case SNOOZED -> this == OPEN || this == IN_PROGRESS;
            case DONE, DISMISSED -> OPEN_STATES.contains(this);
            case OPEN -> this == SNOOZED;
        };
    }
}
