package io.cmeautopilot.offers;

/**
 * An expansion suggestion a rule proposed, as plain values: {@code kind} is a code ({@code seats},
 * {@code plan}, {@code addon}, {@code capacity}); {@code estimatedArrUplift} may be null.
 */
public record RuleSuggestion(long accountId, String kind, String target, Double estimatedArrUplift, String reason,
        RuleOrigin origin) {
}
