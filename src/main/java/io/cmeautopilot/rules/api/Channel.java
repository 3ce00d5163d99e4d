package io.cmeautopilot.rules.api;

/** How a notification is delivered. */
public enum Channel {
    EMAIL, WEBHOOK, SLACK;

    /** The channel with this code (case-insensitive). */
    public static Channel fromCode(String code) {
        return Codes.parse(Channel.class, "channel", code);
    }
}
