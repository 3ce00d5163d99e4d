package io.cmeautopilot.offers;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A retention offer a rule proposed for one account, held for a CME's decision and followed to the customer's answer. */
@Entity
@Table(name = "offers")
class Offer extends Proposed {

    /** Percent for a discount, months for an extension, an amount for an add-on; may be null. */
    public BigDecimal value;

    @Column(name = "valid_for_days", nullable = false)
    public int validForDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status;

    /** Set on approval: the offer expires then unless the customer answered. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The customer contact the approved offer is addressed to, when the approver named one. */
    public String contact;

    @Column(name = "decided_by")
    public String decidedBy;
}
