package io.cmeautopilot.rules.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A proposed notification, rendered from a named template: {@code Notification.toOwner($a)
 * .template("login-dropoff").build()}. Also to the team, an address or a named endpoint.
 */
public final class Notification extends ProposedAction {

    private final AccountFact account;
    private final Recipient recipient;
    private final String target;
    private final Channel channel;
    private final String template;
    private final Map<String, Object> params;

    private Notification(Builder b) {
        super(b.account, ActionKind.NOTIFICATION, b.discriminator);
        this.account = b.account;
        this.recipient = b.recipient;
        this.target = b.target;
        this.channel = b.channel;
        this.template = b.template;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
    }

    /** To the account's owning CME (resolved when delivered). */
    public static Builder toOwner(AccountFact account) {
        AccountFact a = requireAccount(account, "Notification.toOwner");
        return new Builder(a, Recipient.OWNER, a.getOwner());
    }

    /** To the account's CME team. */
    public static Builder toTeam(AccountFact account) {
        AccountFact a = requireAccount(account, "Notification.toTeam");
        return new Builder(a, Recipient.TEAM, a.getTeam());
    }

    /** To an e-mail address. */
    public static Builder toAddress(AccountFact account, String address) {
        return new Builder(requireAccount(account, "Notification.toAddress"), Recipient.ADDRESS, address);
    }

    /** To a webhook/Slack endpoint configured by an admin under this name. */
    public static Builder toEndpoint(AccountFact account, String endpointName) {
        return new Builder(requireAccount(account, "Notification.toEndpoint"), Recipient.ENDPOINT, endpointName);
    }

    /**
     * The account's fact the notification was built from: its template's {@code account}, with the
     * very values the rule matched.
     */
    public AccountFact getAccount() {
        return account;
    }

    /** Owner, team, address or endpoint. */
    public Recipient getRecipient() {
        return recipient;
    }

    /** The owner's user name, team name, address or endpoint name; null for an unassigned owner/team. */
    public String getTarget() {
        return target;
    }

    /** Delivery channel (default EMAIL; WEBHOOK for endpoints). */
    public Channel getChannel() {
        return channel;
    }

    /** Template name. */
    public String getTemplate() {
        return template;
    }

    /** Values for the template, besides the account's own fields. */
    public Map<String, Object> getParams() {
        return params;
    }

    @Override
    void describe(Map<String, Object> values) {
        values.put("recipient", recipient.name());
        values.put("target", target);
        values.put("channel", channel.name());
        values.put("template", template);
        if (!params.isEmpty()) {
            values.put("params", params);
        }
    }

    /** Collects a notification's fields; {@link #build()} checks them. */
    public static final class Builder {

        private final AccountFact account;
        private final Recipient recipient;
        private final String target;
        private Channel channel;
        private String template;
        private String discriminator;
        private final Map<String, Object> params = new LinkedHashMap<>();

        private Builder(AccountFact account, Recipient recipient, String target) {
            this.account = account;
            this.recipient = recipient;
            this.target = target;
            this.channel = recipient == Recipient.ENDPOINT ? Channel.WEBHOOK : Channel.EMAIL;
        }

        /** The template to render (required). */
        public Builder template(String name) {
            this.template = name;
            return this;
        }

        /** The channel. */
        public Builder channel(Channel value) {
            this.channel = value;
            return this;
        }

        /** The channel by code: email, webhook, slack. */
        public Builder channel(String code) {
            this.channel = Channel.fromCode(code);
            return this;
        }

        /** A value for the template. */
        public Builder param(String name, Object value) {
            this.params.put(name, value);
            return this;
        }

        /** Lets one rule keep several notifications apart on one account. */
        public Builder discriminator(String value) {
            this.discriminator = value;
            return this;
        }

        /** The notification; IllegalArgumentException when a field is missing or invalid. */
        public Notification build() {
            String what = "Notification for account " + account.getExternalId();
            requireText(template, "template", what);
            if (channel == null) {
                throw new IllegalArgumentException(what + ": channel must not be null");
            }
            if (recipient == Recipient.ADDRESS && (target == null || !target.contains("@"))) {
                throw new IllegalArgumentException(what + ": toAddress needs an e-mail address, got '" + target + "'");
            }
            if (recipient == Recipient.ENDPOINT) {
                requireText(target, "endpoint name", what);
            }
            return new Notification(this);
        }
    }
}
