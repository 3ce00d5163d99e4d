package io.cmeautopilot.rules.api;

import java.util.Map;

/**
 * A proposed retention offer, held for CME approval: {@code RetentionOffer.forAccount($a)
 * .kind("discount").value(15).validForDays(30).reason("...").build()}.
 */
public final class RetentionOffer extends ProposedAction {

    private final OfferKind offerKind;
    private final Double value;
    private final int validForDays;
    private final String reason;

    private RetentionOffer(Builder b) {
        super(b.account, ActionKind.RETENTION_OFFER, b.discriminator);
        this.offerKind = b.offerKind;
        this.value = b.value;
        this.validForDays = b.validForDays;
        this.reason = b.reason;
    }

    /** Starts an offer for the matched account. */
    public static Builder forAccount(AccountFact account) {
        return new Builder(requireAccount(account, "RetentionOffer.forAccount"));
    }

    /** Discount, free add-on, billing change or extension. */
    public OfferKind getOfferKind() {
        return offerKind;
    }

    /** Size of the offer: percent for a discount, months for an extension, currency for an add-on; may be null. */
    public Double getValue() {
        return value;
    }

    /** Days the offer stays valid once approved. */
    public int getValidForDays() {
        return validForDays;
    }

    /** Why the account gets it, shown to the approving CME. */
    public String getReason() {
        return reason;
    }

    @Override
    void describe(Map<String, Object> values) {
        values.put("offerKind", offerKind.code());
        values.put("value", value);
        values.put("validForDays", validForDays);
        values.put("reason", reason);
    }

    /** Collects an offer's fields; {@link #build()} checks them. */
    public static final class Builder {

        private final AccountFact account;
        private OfferKind offerKind;
        private String kindCode;
        private Double value;
        private int validForDays = 30;
        private String reason;
        private String discriminator;

        private Builder(AccountFact account) {
            this.account = account;
        }

        /** The kind by code: discount, free-addon, billing-change, extension (required). */
        public Builder kind(String code) {
            this.kindCode = code;
            return this;
        }

        /** The kind (required). */
        public Builder kind(OfferKind value) {
            this.offerKind = value;
            return this;
        }

        /** Size of the offer (percent, months or amount, by kind). */
        public Builder value(double amount) {
            this.value = amount;
            return this;
        }

        /** Days the offer stays valid (default 30). */
        public Builder validForDays(int days) {
            this.validForDays = days;
            return this;
        }

        /** Why (required): the approving CME reads it. */
        public Builder reason(String text) {
            this.reason = text;
            return this;
        }

        /** Lets one rule keep several offers apart on one account. */
        public Builder discriminator(String text) {
            this.discriminator = text;
            return this;
        }

        /** The offer; IllegalArgumentException when a field is missing or invalid. */
        public RetentionOffer build() {
            String what = "RetentionOffer for account " + account.getExternalId();
            if (kindCode != null) {
                try {
                    offerKind = OfferKind.fromCode(kindCode);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
                }
            }
            if (offerKind == null) {
                throw new IllegalArgumentException(what + ": kind is required, e.g. .kind(\"discount\")");
            }
            if (value != null && (value.isNaN() || value <= 0)) {
                throw new IllegalArgumentException(what + ": value must be positive, was " + value);
            }
            if (offerKind == OfferKind.DISCOUNT && value != null && value > 100) {
                throw new IllegalArgumentException(what + ": a discount is a percentage (0-100], was " + value);
            }
            if (validForDays < 1) {
                throw new IllegalArgumentException(what + ": validForDays must be at least 1, was " + validForDays);
            }
            requireText(reason, "reason", what);
            return new RetentionOffer(this);
        }
    }
}
