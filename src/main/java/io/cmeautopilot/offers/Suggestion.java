package io.cmeautopilot.offers;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** An expansion a rule suggested for one account, pursued by a CME to a win (with the realised ARR) or a loss. */
@Entity
@Table(name = "suggestions")
class Suggestion extends Proposed {

    @Column(nullable = false)
    public String target;

    @Column(name = "estimated_arr_uplift")
    public BigDecimal estimatedArrUplift;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SuggestionStatus status;

    @Column(name = "realised_arr")
    public BigDecimal realisedArr;
}
