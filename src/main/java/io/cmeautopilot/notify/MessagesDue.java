package io.cmeautopilot.notify;

/**
 * Fired inside a transaction that made outbox messages due (enqueued or replayed them). The
 * dispatcher observes it after a successful commit and delivers at once instead of at its next poll.
 */
public record MessagesDue() {
}
