package io.cmeautopilot.rules.api;

/** What a retention offer gives; written in DRL as its code, e.g. {@code "discount"}. */
public enum OfferKind {
    DISCOUNT, FREE_ADDON, BILLING_CHANGE, EXTENSION;

    /** The code used in DRL and JSON, e.g. {@code free-addon}. */
    public String code() {
        return Codes.of(this);
    }

    /** The kind with this code (case-insensitive). */
    public static OfferKind fromCode(String code) {
        return Codes.parse(OfferKind.class, "offer kind", code);
    }
}
