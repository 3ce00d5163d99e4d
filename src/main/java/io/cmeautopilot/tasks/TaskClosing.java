package io.cmeautopilot.tasks;

/**
 * A CME is completing or dismissing a task that belongs to an offer or suggestion ({@code link}, its
 * API path). Fired synchronously inside the closing transaction after the task is written, so the
 * owner of the link can follow (e.g. reject the offer) or refuse by throwing a
 * {@link io.cmeautopilot.common.ProblemException}, which undoes the whole change.
 */
public record TaskClosing(long taskId, String link, TaskStatus status, String reason, String actor) {
}
