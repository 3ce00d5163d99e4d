package io.cmeautopilot.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.cmeautopilot.notify.templates.RenderedTemplate;

/**
 * One notification, ready to be written to the {@link Outbox}: everything is already rendered, so
 * delivery never depends on data that may have changed since the action that caused it.
 *
 * @param eventType what happened, lower-case and dotted: {@code rule.notification}, {@code task.escalated},
 *        {@code offer.approved}. Endpoints subscribe to event types; webhooks carry it as {@code type}.
 * @param channel e-mail, webhook or Slack. For an {@link RecipientKind#ENDPOINT} recipient the endpoint's own
 *        kind decides the format; e-mail needs an OWNER, TEAM or ADDRESS recipient.
 * @param recipient who it is for, resolved at delivery time
 * @param accountId the account it is about, or null
 * @param subject the rendered subject line (e-mail subject, bold first line in Slack); null for a default
 * @param text the rendered plain-text body (required; may be empty for a pure webhook event)
 * @param html the rendered HTML body for e-mail, or null
 * @param payload JSON-able data for webhooks ({@code data}) and Slack ({@code blocks}, if present)
 * @param sourceKey stable idempotency key of the cause (e.g. {@code rule:<rule>:<account>:<run>}): the same key
 *        enqueued twice is one message
 * @param evidence why it was sent: rule, rule-book version, run id, matched values ("why did I get this?")
 */
public record OutboundMessage(String eventType, DeliveryChannel channel, Recipient recipient, Long accountId,
        String subject, String text, String html, Map<String, Object> payload, String sourceKey,
        Map<String, Object> evidence) {

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
    static final int MAX_SOURCE_KEY = 500;

    /** Checks the fields a caller must get right; what can only be known at delivery is not checked here. */
    public OutboundMessage {
        Objects.requireNonNull(eventType, "eventType");
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("eventType must be lower-case letters, digits, '.', '_' or '-' (at most 100): "
                    + eventType);
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > MAX_SOURCE_KEY) {
            throw new IllegalArgumentException("sourceKey must be 1 to " + MAX_SOURCE_KEY + " characters");
        }
        payload = copy(payload);
        evidence = copy(evidence);
    }

    /** A message with the required fields; add the others with the builder's setters. */
    public static Builder builder(String eventType, DeliveryChannel channel, Recipient recipient, String sourceKey) {
        return new Builder(eventType, channel, recipient, sourceKey);
    }

    private static Map<String, Object> copy(Map<String, Object> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Who the message is for: a user name, team name, e-mail address or endpoint name, by kind.
     * Use the factories: {@code Recipient.owner("alice")}, {@code team("emea")}, {@code address("x@y.com")},
     * {@code endpoint("crm-hook")}.
     */
    public record Recipient(RecipientKind kind, String value) {

        public Recipient {
            Objects.requireNonNull(kind, "recipient kind");
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a " + kind + " recipient needs a value (user, team, address or endpoint name)");
            }
        }

        public static Recipient owner(String username) {
            return new Recipient(RecipientKind.OWNER, username);
        }

        public static Recipient team(String team) {
            return new Recipient(RecipientKind.TEAM, team);
        }

        public static Recipient address(String email) {
            return new Recipient(RecipientKind.ADDRESS, email);
        }

        public static Recipient endpoint(String name) {
            return new Recipient(RecipientKind.ENDPOINT, name);
        }
    }

    /** Builds an {@link OutboundMessage}; {@link #build()} checks it. */
    public static final class Builder {

        private String eventType;
        private final DeliveryChannel channel;
        private final Recipient recipient;
        private final String sourceKey;
        private Long accountId;
        private String subject;
        private String text = "";
        private String html;
        private Map<String, Object> payload;
        private Map<String, Object> evidence;

        private Builder(String eventType, DeliveryChannel channel, Recipient recipient, String sourceKey) {
            this.eventType = eventType;
            this.channel = channel;
            this.recipient = recipient;
            this.sourceKey = sourceKey;
        }

        public Builder eventType(String value) {
            this.eventType = value;
            return this;
        }

        public Builder accountId(Long value) {
            this.accountId = value;
            return this;
        }

        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder html(String value) {
            this.html = value;
            return this;
        }

        /** Subject, text and HTML from a rendered template. */
        public Builder rendered(RenderedTemplate rendered) {
            this.subject = rendered.subject();
            this.text = rendered.text();
            this.html = rendered.html();
            return this;
        }

        public Builder payload(Map<String, Object> value) {
            this.payload = value;
            return this;
        }

        public Builder evidence(Map<String, Object> value) {
            this.evidence = value;
            return this;
        }

        public OutboundMessage build() {
            return new OutboundMessage(eventType, channel, recipient, accountId, subject, text, html, payload, sourceKey,
                    evidence);
        }
    }
}
