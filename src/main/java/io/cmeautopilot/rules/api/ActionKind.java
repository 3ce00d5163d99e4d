package io.cmeautopilot.rules.api;

/** The kinds of action a rule can propose. */
public enum ActionKind {
    TASK, NOTIFICATION, RETENTION_OFFER, EXPANSION_SUGGESTION
}
