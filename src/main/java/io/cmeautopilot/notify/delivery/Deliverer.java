package io.cmeautopilot.notify.delivery;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.NotifyConfig;
import io.cmeautopilot.notify.RecipientKind;
import io.cmeautopilot.notify.endpoints.EndpointDirectory;
import io.cmeautopilot.notify.endpoints.EndpointKind;
import io.cmeautopilot.notify.endpoints.EndpointState;
import io.cmeautopilot.notify.endpoints.EndpointTarget;

/**
 * One attempt at one message: resolves the recipient now (so fixes made meanwhile count), picks the
 * channel and says what came of it. Never throws for a bad recipient; that is a rejected outcome.
 */
@ApplicationScoped
class Deliverer {

    @Inject
    EndpointDirectory endpoints;
    @Inject
    RecipientResolver recipients;
    @Inject
    HttpSender http;
    @Inject
    EmailSender email;
    @Inject
    ObjectMapper json;
    @Inject
    NotifyConfig config;
    @Inject
    Clock clock;

    Outcome deliver(ClaimedMessage m) {
        if (m.recipientKind() == RecipientKind.ENDPOINT) {
            return toEndpoint(m);
        }
        if (m.channel() != DeliveryChannel.EMAIL) {
            return Outcome.rejected(m.recipient(), "a " + m.channel() + " message goes to an ENDPOINT recipient, not to "
                    + m.recipientKind() + " " + m.recipient());
        }
        RecipientResolver.Resolution to = recipients.resolve(m.recipientKind(), m.recipient());
        if (to.problem() != null) {
            return Outcome.rejected(m.recipientKind() + " " + m.recipient(), "recipient: " + to.problem());
        }
        return email.send(to.addresses(), subject(m), m.text(), m.html(), m.messageId());
    }

    private Outcome toEndpoint(ClaimedMessage m) {
        Optional<EndpointTarget> found = endpoints.find(m.recipient());
        if (found.isEmpty()) {
            return Outcome.rejected(m.recipient(), "recipient: there is no endpoint named " + m.recipient());
        }
        EndpointTarget endpoint = found.get();
        if (m.channel() == DeliveryChannel.EMAIL) {
            return Outcome.rejected(endpoint.shownUrl(), "an EMAIL message cannot go to endpoint " + endpoint.name()
                    + "; use channel " + endpoint.kind());
        }
        if (endpoint.state() == EndpointState.PAUSED) {
            return Outcome.postponed();
        }
        if (endpoint.state() == EndpointState.DISABLED) {
            return Outcome.rejected(endpoint.shownUrl(), "endpoint " + endpoint.name() + " is disabled"
                    + (endpoint.stateReason() == null ? "" : ": " + endpoint.stateReason()));
        }
        if (!endpoint.subscribes(m.eventType())) {
            return Outcome.filtered("endpoint " + endpoint.name() + " does not subscribe to " + m.eventType());
        }
        if (endpoint.kind() == EndpointKind.SLACK) {
            return http.post(endpoint, Map.of(), slackBody(m));
        }
        String body = webhookBody(m);
        long timestamp = clock.instant().getEpochSecond();
        return http.post(endpoint, Map.of(StandardWebhooks.ID, m.messageId(),
                StandardWebhooks.TIMESTAMP, Long.toString(timestamp),
                StandardWebhooks.SIGNATURE, StandardWebhooks.signatures(endpoint.signingSecrets(), m.messageId(), timestamp, body)),
                body);
    }

    /** The same bytes on every attempt: type, timestamp and data as Standard Webhooks suggests, plus the rendered text. */
    String webhookBody(ClaimedMessage m) {
        ObjectNode body = json.createObjectNode();
        body.put("type", m.eventType());
        body.put("timestamp", m.createdAt().toString());
        body.set("data", tree(m.payloadJson()));
        if (m.accountId() != null) {
            body.put("accountId", m.accountId());
        }
        body.put("subject", m.subject());
        body.put("text", m.text());
        body.set("evidence", tree(m.evidenceJson()));
        return write(body);
    }

    /** Slack incoming-webhook message: the subject in bold over the text; the payload's {@code blocks}, if any. */
    String slackBody(ClaimedMessage m) {
        ObjectNode body = json.createObjectNode();
        body.put("text", m.subject() == null || m.subject().isBlank() ? m.text() : "*" + m.subject() + "*\n" + m.text());
        JsonNode blocks = tree(m.payloadJson()).get("blocks");
        if (blocks != null && blocks.isArray()) {
            body.set("blocks", blocks);
        }
        return write(body);
    }

    private String subject(ClaimedMessage m) {
        return m.subject() == null || m.subject().isBlank() ? config.email().subjectPrefix() + " " + m.eventType() : m.subject();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox row holds invalid JSON", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a notification body", e);
        }
    }
}
