package io.cmeautopilot.rules.api;

/** What an expansion suggestion proposes to sell; written in DRL as its code, e.g. {@code "seats"}. */
public enum SuggestionKind {
    SEATS, PLAN, ADDON, CAPACITY;

    /** The code used in DRL and JSON, e.g. {@code capacity}. */
    public String code() {
        return Codes.of(this);
    }

    /** The kind with this code (case-insensitive). */
    public static SuggestionKind fromCode(String code) {
        return Codes.parse(SuggestionKind.class, "suggestion kind", code);
    }
}
