package io.cmeautopilot.rules.api;

/** What a CME task is about; written in DRL as its code, e.g. {@code "churn-risk"}. */
public enum TaskType {
    ONBOARDING, ADOPTION, HEALTH_CHECK, RENEWAL, EXPANSION, CHURN_RISK, ESCALATION, CUSTOM;

    /** The code used in DRL and JSON, e.g. {@code health-check}. */
    public String code() {
        return Codes.of(this);
    }

    /** The type with this code (case-insensitive); IllegalArgumentException naming the valid codes otherwise. */
    public static TaskType fromCode(String code) {
        return Codes.parse(TaskType.class, "task type", code);
    }
}
