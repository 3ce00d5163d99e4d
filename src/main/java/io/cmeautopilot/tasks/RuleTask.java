package io.cmeautopilot.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.cmeautopilot.rules.api.Priority;

/** A task a rule proposed, as the evaluation hands it over: what, for whom, why, and its dedupe key. */
public record RuleTask(long accountId, String type, String title, String body, Priority priority, Instant dueAt,
        String rule, String ruleBookVersion, long runId, Map<String, Object> evidence, String dedupeKey,
        Duration cooldown) {
}
