package io.cmeautopilot.accounts.subscriptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A contract of an account: plan, seats, usage limit, money and dates. */
@Entity
@Table(name = "subscriptions")
class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionStatus status;

    @Column(name = "seats_purchased")
    public Integer seatsPurchased;

    @Column(name = "usage_limit")
    public Long usageLimit;

    @Column(name = "features_available")
    public Integer featuresAvailable;

    public BigDecimal arr;
    public BigDecimal mrr;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "renewal_date")
    public LocalDate renewalDate;

    @Column(name = "licence_expiry")
    public LocalDate licenceExpiry;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
