package io.cmeautopilot.offers;

import java.math.BigDecimal;
import java.time.Instant;

import io.cmeautopilot.tasks.TaskView;

/**
 * An expansion suggestion as the API shows it. {@code taskId} is its task on the CME's queue;
 * {@code realisedArr} is recorded when it is won.
 */
public record SuggestionView(long id, long accountId, String kind, String target, BigDecimal estimatedArrUplift,
        String reason, SuggestionStatus status, BigDecimal realisedArr, Long taskId, TaskView.Origin origin,
        String outcome, Instant closedAt, String closedBy, long version, Instant createdAt, Instant updatedAt) {

    static SuggestionView of(Suggestion s) {
        return new SuggestionView(s.id, s.accountId, s.kind, s.target, s.estimatedArrUplift, s.reason, s.status,
                s.realisedArr, s.taskId, s.origin(), s.outcome, s.closedAt, s.closedBy, s.version, s.createdAt,
                s.updatedAt);
    }
}
