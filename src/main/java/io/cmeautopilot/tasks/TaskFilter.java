package io.cmeautopilot.tasks;

import java.time.Instant;
import java.util.Set;

import io.cmeautopilot.rules.api.Priority;

/** Filters of a queue listing; null means "any" (status: the open states). */
public record TaskFilter(Set<TaskStatus> statuses, String type, Priority priority, Instant dueBefore, Long accountId) {
}
