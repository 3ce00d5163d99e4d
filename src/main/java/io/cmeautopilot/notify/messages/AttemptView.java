package io.cmeautopilot.notify.messages;

import java.time.Instant;

/**
 * One delivery attempt: DELIVERED, FAILED (retried) or REJECTED (not retried), the HTTP status when
 * there was one, how long it took, where it went and what went wrong.
 */
public record AttemptView(int attempt, Instant startedAt, String outcome, Integer statusCode, int latencyMs, String target,
        String error, String node) {
}
