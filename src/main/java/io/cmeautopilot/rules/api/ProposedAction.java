package io.cmeautopilot.rules.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something a rule proposes for one account; the engine, not the rule, decides what happens to it.
 * Immutable. Two proposals with the same rule, account, kind and discriminator are the same action.
 */
public abstract class ProposedAction {

    private final long accountId;
    private final String accountExternalId;
    private final ActionKind kind;
    private final String discriminator;

    ProposedAction(AccountFact account, ActionKind kind, String discriminator) {
        this.accountId = account.getId();
        this.accountExternalId = account.getExternalId();
        this.kind = kind;
        this.discriminator = discriminator;
    }

    /** The account the action is for ({@link AccountFact#getId()}). */
    public long getAccountId() {
        return accountId;
    }

    /** The account's external id, for messages and logs. */
    public String getAccountExternalId() {
        return accountExternalId;
    }

    /** Task, notification, retention offer or expansion suggestion. */
    public ActionKind getKind() {
        return kind;
    }

    /** Distinguishes several open actions of one rule and kind on one account; null for one at a time. */
    public String getDiscriminator() {
        return discriminator;
    }

    /** The action as plain values (kind first, then the kind's own fields); nulls are left out. */
    public Map<String, Object> attributes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", kind.name());
        if (discriminator != null) {
            values.put("discriminator", discriminator);
        }
        describe(values);
        values.values().removeIf(Objects::isNull);
        return Collections.unmodifiableMap(values);
    }

    /** Adds the kind's own fields. */
    abstract void describe(Map<String, Object> values);

    static AccountFact requireAccount(AccountFact account, String what) {
        if (account == null) {
            throw new IllegalArgumentException(what + ": the account is null (pass the matched AccountFact, e.g. $a)");
        }
        return account;
    }

    static String requireText(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + ": " + field + " is required");
        }
        return value;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + attributes() + " for " + accountExternalId;
    }
}
