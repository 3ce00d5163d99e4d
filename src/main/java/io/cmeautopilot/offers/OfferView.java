package io.cmeautopilot.offers;

import java.math.BigDecimal;
import java.time.Instant;

import io.cmeautopilot.tasks.TaskView;

/**
 * A retention offer as the API shows it. {@code taskId} is its task on the CME's queue; {@code origin}
 * says which rule proposed it, in which run, on which values.
 */
public record OfferView(long id, long accountId, String kind, BigDecimal value, int validForDays, String reason,
        OfferStatus status, Instant expiresAt, String contact, Long taskId, TaskView.Origin origin, String outcome,
        String decidedBy, Instant closedAt, String closedBy, long version, Instant createdAt, Instant updatedAt) {

    static OfferView of(Offer o) {
        return new OfferView(o.id, o.accountId, o.kind, o.value, o.validForDays, o.reason, o.status, o.expiresAt,
                o.contact, o.taskId, o.origin(),
                o.outcome, o.decidedBy, o.closedAt, o.closedBy, o.version, o.createdAt, o.updatedAt);
    }
}
