package io.cmeautopilot.accounts.csv;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The account columns a CSV column can feed; everything else becomes a custom attribute. */
enum KnownField {
    // Length limits are the same as AccountRequest's, so a CSV cannot store what the JSON API refuses.
    EXTERNAL_ID("externalId", "external_id", 200),
    NAME("name", "name", 300),
    SEGMENT("segment", "segment", 100),
    TIER("tier", "tier", 100),
    OWNER("owner", "owner", 200),
    TEAM("team", "team", 200),
    STAGE("stage", "stage", 0),
    SIGNUP_DATE("signupDate", "signup_date", 0),
    GO_LIVE_DATE("goLiveDate", "go_live_date", 0);

    final String jsonName;
    final String column;
    final int maxLength;

    KnownField(String jsonName, String column, int maxLength) {
        this.jsonName = jsonName;
        this.column = column;
        this.maxLength = maxLength;
    }

    boolean isDate() {
        return this == SIGNUP_DATE || this == GO_LIVE_DATE;
    }

    boolean isRequired() {
        return this == EXTERNAL_ID || this == NAME;
    }

    /** Matches "externalId", "external_id", "External ID", "EXTERNAL-ID": spreadsheets spell them every way. */
    static Optional<KnownField> byName(String text) {
        String wanted = normalize(text);
        return Arrays.stream(values()).filter(f -> normalize(f.jsonName).equals(wanted)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(f -> f.jsonName).collect(Collectors.joining(", "));
    }

    private static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[_\\- ]", "");
    }
}
