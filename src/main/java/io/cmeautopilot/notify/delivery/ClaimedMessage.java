package io.cmeautopilot.notify.delivery;

import java.time.Instant;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.RecipientKind;

/** An outbox row a node has claimed for one delivery attempt (payload and evidence as JSON text). */
record ClaimedMessage(long id, String messageId, String eventType, DeliveryChannel channel, RecipientKind recipientKind,
        String recipient, Long accountId, String subject, String text, String html, String payloadJson,
        String evidenceJson, int attempts, int cycleAttempts, Instant createdAt) {
}
