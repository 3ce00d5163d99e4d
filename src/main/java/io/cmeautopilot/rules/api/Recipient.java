package io.cmeautopilot.rules.api;

/** Who a notification goes to: the account's owner, its team, an address, or a named endpoint. */
public enum Recipient {
    OWNER, TEAM, ADDRESS, ENDPOINT
}
