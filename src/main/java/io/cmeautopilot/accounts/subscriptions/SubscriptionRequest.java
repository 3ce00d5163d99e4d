package io.cmeautopilot.accounts.subscriptions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A subscription as clients send it. When only one of ARR and MRR is given, the snapshot derives
 * the other (ARR = 12 x MRR).
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 200) String plan,
        @NotNull SubscriptionStatus status,
        @PositiveOrZero Integer seatsPurchased,
        @PositiveOrZero Long usageLimit,
        @PositiveOrZero Integer featuresAvailable,
        @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal arr,
        @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal mrr,
        LocalDate startDate,
        LocalDate renewalDate,
        LocalDate licenceExpiry) {
}
