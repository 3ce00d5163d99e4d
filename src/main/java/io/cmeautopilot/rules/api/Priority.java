package io.cmeautopilot.rules.api;

/** How urgent a proposed task is; queues sort by it. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
