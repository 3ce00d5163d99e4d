package io.cmeautopilot.scheduling;

import java.time.Instant;
import java.util.List;

import io.cmeautopilot.evaluation.EvaluationRequest;

/** A schedule with when it fires next (null when disabled) and its most recent run. */
public record ScheduleView(String name, String description, String cron, String timeZone,
        EvaluationRequest.Scope scope, List<String> categories, String mode, boolean enabled, long version,
        Instant nextFireAt, LastRun lastRun, Instant createdAt, Instant updatedAt) {

    /** The latest run this schedule started. */
    public record LastRun(long id, String status, Instant startedAt, Instant finishedAt) {
    }
}
