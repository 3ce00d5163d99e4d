package io.cmeautopilot.offers;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change to an offer or a suggestion (exactly one of the two ids is set). Never updated or deleted. */
@Entity
@Table(name = "offer_history")
class OfferHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "offer_id")
    public Long offerId;

    @Column(name = "suggestion_id")
    public Long suggestionId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String change;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    public String note;
}
