package io.cmeautopilot.accounts.csv;

import java.util.Locale;

import io.cmeautopilot.common.ProblemException;

/** {@code apply} writes the accounts; {@code validate} reads the whole file and reports, writing nothing. */
enum ImportMode {
    APPLY, VALIDATE;

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parsed by hand: JAX-RS would answer a bad query parameter with a bare 404. */
    static ImportMode parse(String text) {
        for (ImportMode mode : values()) {
            if (text != null && mode.jsonName().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw ProblemException.invalidField("mode", "must be apply or validate");
    }
}
