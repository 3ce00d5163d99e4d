package io.cmeautopilot.notify.messages;

/**
 * PENDING: waiting for its (next) attempt; DELIVERED: a receiver accepted it; DEAD: the last attempt
 * failed or the message cannot be delivered as it stands (replayable); FILTERED: the endpoint does not
 * subscribe to its event type.
 */
public enum MessageStatus {
    PENDING, DELIVERED, DEAD, FILTERED
}
