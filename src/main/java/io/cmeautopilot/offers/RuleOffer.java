package io.cmeautopilot.offers;

/**
 * A retention offer a rule proposed, as plain values: {@code kind} is a code ({@code discount},
 * {@code free-addon}, {@code billing-change}, {@code extension}), {@code value} may be null.
 */
public record RuleOffer(long accountId, String kind, Double value, int validForDays, String reason,
        RuleOrigin origin) {
}
