package io.cmeautopilot.rules.api;

import java.util.Map;

/**
 * A proposed CME task: {@code Task.forAccount($a).type("churn-risk").priority(Priority.HIGH)
 * .dueInDays(2).title("...").build()}. Title and type are required.
 */
public final class Task extends ProposedAction {

    private final TaskType type;
    private final Priority priority;
    private final Integer dueInDays;
    private final String title;
    private final String body;

    private Task(Builder b) {
        super(b.account, ActionKind.TASK, b.discriminator);
        this.type = b.type;
        this.priority = b.priority;
        this.dueInDays = b.dueInDays;
        this.title = b.title;
        this.body = b.body;
    }

    /** Starts a task for the matched account. */
    public static Builder forAccount(AccountFact account) {
        return new Builder(requireAccount(account, "Task.forAccount"));
    }

    /** What the task is about. */
    public TaskType getType() {
        return type;
    }

    /** Queue priority; NORMAL unless the rule says otherwise. */
    public Priority getPriority() {
        return priority;
    }

    /** Days from the evaluation to the due date; null for no due date. */
    public Integer getDueInDays() {
        return dueInDays;
    }

    /** One line shown in the queue. */
    public String getTitle() {
        return title;
    }

    /** Longer explanation or a checklist; may be null. */
    public String getBody() {
        return body;
    }

    @Override
    void describe(Map<String, Object> values) {
        values.put("type", type.code());
        values.put("priority", priority.name());
        values.put("dueInDays", dueInDays);
        values.put("title", title);
        values.put("body", body);
    }

    /** Collects a task's fields; {@link #build()} checks them. */
    public static final class Builder {

        private final AccountFact account;
        private TaskType type;
        private String typeCode;
        private Priority priority = Priority.NORMAL;
        private Integer dueInDays;
        private String title;
        private String body;
        private String discriminator;

        private Builder(AccountFact account) {
            this.account = account;
        }

        /** The task type by code: onboarding, adoption, health-check, renewal, expansion, churn-risk, escalation, custom. */
        public Builder type(String code) {
            this.typeCode = code;
            return this;
        }

        /** The task type. */
        public Builder type(TaskType value) {
            this.type = value;
            return this;
        }

        /** Queue priority (default NORMAL). */
        public Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        /** Due this many days after the evaluation (0 = today). */
        public Builder dueInDays(int days) {
            this.dueInDays = days;
            return this;
        }

        /** The one-line title (required). */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** A longer description. */
        public Builder body(String value) {
            this.body = value;
            return this;
        }

        /** Lets one rule keep several tasks open on one account (e.g. one per feature). */
        public Builder discriminator(String value) {
            this.discriminator = value;
            return this;
        }

        /** The task; IllegalArgumentException when a field is missing or invalid. */
        public Task build() {
            String what = "Task for account " + account.getExternalId();
            if (typeCode != null) {
                try {
                    type = TaskType.fromCode(typeCode);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
                }
            }
            if (type == null) {
                throw new IllegalArgumentException(what + ": type is required, e.g. .type(\"churn-risk\")");
            }
            requireText(title, "title", what);
            if (priority == null) {
                throw new IllegalArgumentException(what + ": priority must not be null");
            }
            if (dueInDays != null && dueInDays < 0) {
                throw new IllegalArgumentException(what + ": dueInDays must be 0 or more, was " + dueInDays);
            }
            return new Task(this);
        }
    }
}
