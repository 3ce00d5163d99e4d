package io.cmeautopilot.notify.endpoints;

/**
 * ACTIVE endpoints get their messages; PAUSED ones keep them waiting (no attempts, nothing
 * dead-lettered) until resumed; DISABLED ones (by a 410 Gone) dead-letter them until resumed.
 */
public enum EndpointState {
    ACTIVE, PAUSED, DISABLED
}
