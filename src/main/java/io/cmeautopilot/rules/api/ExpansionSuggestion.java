package io.cmeautopilot.rules.api;

import java.util.Map;

/**
 * A proposed expansion: {@code ExpansionSuggestion.forAccount($a).kind("seats").target("75 seats")
 * .estimatedArrUplift(12000).reason("...").build()}.
 */
public final class ExpansionSuggestion extends ProposedAction {

    private final SuggestionKind suggestionKind;
    private final String target;
    private final Double estimatedArrUplift;
    private final String reason;

    private ExpansionSuggestion(Builder b) {
        super(b.account, ActionKind.EXPANSION_SUGGESTION, b.discriminator);
        this.suggestionKind = b.suggestionKind;
        this.target = b.target;
        this.estimatedArrUplift = b.estimatedArrUplift;
        this.reason = b.reason;
    }

    /** Starts a suggestion for the matched account. */
    public static Builder forAccount(AccountFact account) {
        return new Builder(requireAccount(account, "ExpansionSuggestion.forAccount"));
    }

    /** Seats, plan, add-on or capacity. */
    public SuggestionKind getSuggestionKind() {
        return suggestionKind;
    }

    /** The recommended target, e.g. "75 seats" or "enterprise". */
    public String getTarget() {
        return target;
    }

    /** Estimated additional ARR; may be null. */
    public Double getEstimatedArrUplift() {
        return estimatedArrUplift;
    }

    /** Why, for the CME. */
    public String getReason() {
        return reason;
    }

    @Override
    void describe(Map<String, Object> values) {
        values.put("suggestionKind", suggestionKind.code());
        values.put("target", target);
        values.put("estimatedArrUplift", estimatedArrUplift);
        values.put("reason", reason);
    }

    /** Collects a suggestion's fields; {@link #build()} checks them. */
    public static final class Builder {

        private final AccountFact account;
        private SuggestionKind suggestionKind;
        private String kindCode;
        private String target;
        private Double estimatedArrUplift;
        private String reason;
        private String discriminator;

        private Builder(AccountFact account) {
            this.account = account;
        }

        /** The kind by code: seats, plan, addon, capacity (required). */
        public Builder kind(String code) {
            this.kindCode = code;
            return this;
        }

        /** The kind (required). */
        public Builder kind(SuggestionKind value) {
            this.suggestionKind = value;
            return this;
        }

        /** The recommended target (required). */
        public Builder target(String value) {
            this.target = value;
            return this;
        }

        /** Estimated additional ARR (0 or more). */
        public Builder estimatedArrUplift(double amount) {
            this.estimatedArrUplift = amount;
            return this;
        }

        /** Why (required). */
        public Builder reason(String text) {
            this.reason = text;
            return this;
        }

        /** Lets one rule keep several suggestions apart on one account. */
        public Builder discriminator(String text) {
            this.discriminator = text;
            return this;
        }

        /** The suggestion; IllegalArgumentException when a field is missing or invalid. */
        public ExpansionSuggestion build() {
            String what = "ExpansionSuggestion for account " + account.getExternalId();
            if (kindCode != null) {
                try {
                    suggestionKind = SuggestionKind.fromCode(kindCode);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
                }
            }
            if (suggestionKind == null) {
                throw new IllegalArgumentException(what + ": kind is required, e.g. .kind(\"seats\")");
            }
            requireText(target, "target", what);
            if (estimatedArrUplift != null && (estimatedArrUplift.isNaN() || estimatedArrUplift < 0)) {
                throw new IllegalArgumentException(what + ": estimatedArrUplift must be 0 or more, was " + estimatedArrUplift);
            }
            requireText(reason, "reason", what);
            return new ExpansionSuggestion(this);
        }
    }
}
