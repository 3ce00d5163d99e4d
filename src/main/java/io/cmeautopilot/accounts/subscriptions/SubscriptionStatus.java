package io.cmeautopilot.accounts.subscriptions;

/** TRIAL and ACTIVE subscriptions are "current": they count in the account's contract metrics. */
public enum SubscriptionStatus {
    TRIAL, ACTIVE, CANCELLED, EXPIRED
}
