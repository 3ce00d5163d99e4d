package io.cmeautopilot.notify.templates;

import java.util.Objects;

/**
 * A template the service renders, and the variables it renders it with. Features that send a
 * template of their own (a task escalation, an approved offer) declare it as a CDI bean
 * ({@code @Produces static final TemplateUse ...}), so that the rule-book check finds a missing
 * template or an unknown variable before anything is sent.
 *
 * @param template the template's name ({@code task-escalated}: {@code templates/task-escalated.txt})
 * @param usedFor what it is sent for, in words, for diagnostics ("task escalations")
 * @param model the variables the data will have
 */
public record TemplateUse(String template, String usedFor, TemplateModel model) {

    public TemplateUse {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(usedFor, "usedFor");
        Objects.requireNonNull(model, "model");
    }
}
