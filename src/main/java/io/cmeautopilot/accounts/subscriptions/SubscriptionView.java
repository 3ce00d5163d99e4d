package io.cmeautopilot.accounts.subscriptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record SubscriptionView(long id, long accountId, String externalId, String plan, SubscriptionStatus status,
        Integer seatsPurchased, Long usageLimit, Integer featuresAvailable, BigDecimal arr, BigDecimal mrr,
        LocalDate startDate, LocalDate renewalDate, LocalDate licenceExpiry, long version, Instant createdAt,
        Instant updatedAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.accountId, s.externalId, s.plan, s.status, s.seatsPurchased,
                s.usageLimit, s.featuresAvailable, s.arr, s.mrr, s.startDate, s.renewalDate, s.licenceExpiry,
                s.version, s.createdAt, s.updatedAt);
    }
}
