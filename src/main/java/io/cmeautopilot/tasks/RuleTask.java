package io.cmeautopilot.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.cmeautopilot.rules.api.Priority;

/**
 * A task a rule proposed, as the evaluation hands it over: what, for whom, why, and its dedupe key.
 * {@code link} is the API path of the offer or suggestion the task belongs to (null for a plain task).
 */
public record RuleTask(long accountId, String type, String title, String body, Priority priority, Instant dueAt,
        String rule, String ruleBookVersion, long runId, Map<String, Object> evidence, String dedupeKey,
        Duration cooldown, String link) {

    /** A plain rule task, linked to nothing. */
    public RuleTask(long accountId, String type, String title, String body, Priority priority, Instant dueAt,
            String rule, String ruleBookVersion, long runId, Map<String, Object> evidence, String dedupeKey,
            Duration cooldown) {
        this(accountId, type, title, body, priority, dueAt, rule, ruleBookVersion, runId, evidence, dedupeKey, cooldown,
                null);
    }
}
