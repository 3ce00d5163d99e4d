package io.cmeautopilot.offers;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the offer and suggestion endpoints. */
public final class OfferRequests {

    private OfferRequests() {
    }

    /**
     * Approving an offer, optionally with other terms than proposed (a discount stays a percentage)
     * and the customer contact it is addressed to.
     */
    public record Approve(@DecimalMin(value = "0", inclusive = false) BigDecimal value,
            @Min(1) @Max(3650) Integer validForDays, @Email @Size(max = 320) String contact,
            @Size(max = 2000) String note) {
    }

    /** A note for a move that needs no reason (send, accept, pursue). */
    public record Note(@Size(max = 2000) String note) {
    }

    /** A move that needs a reason (reject, lose, dismiss). */
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A move with an optional reason (the customer declined). */
    public record OptionalReason(@Size(max = 2000) String reason) {
    }

    /** A won suggestion: the ARR the customer really added. */
    public record Win(@NotNull @DecimalMin("0") BigDecimal realisedArr,
            @Size(max = 2000) String note) {
    }
}
