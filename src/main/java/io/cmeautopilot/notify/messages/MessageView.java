package io.cmeautopilot.notify.messages;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.RecipientKind;

/**
 * A message of the outbox. {@code messageId} is the {@code webhook-id} receivers see; {@code evidence}
 * says why it was sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(long id, String messageId, String eventType, DeliveryChannel channel, RecipientKind recipientKind,
        String recipient, Long accountId, String subject, MessageStatus status, int attempts, Instant nextAttemptAt,
        String lastError, Instant createdAt, Instant deliveredAt, Instant finishedAt, String sourceKey,
        Map<String, Object> evidence) {

    /** One message with its bodies, payload and every attempt, oldest first. */
    public record Detail(MessageView message, String text, String html, Map<String, Object> payload,
            List<AttemptView> attempts) {
    }
}
