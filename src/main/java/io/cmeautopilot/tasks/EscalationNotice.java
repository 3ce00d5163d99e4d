package io.cmeautopilot.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.OutboundMessage;
import io.cmeautopilot.notify.Outbox;
import io.cmeautopilot.notify.templates.TemplateModel;
import io.cmeautopilot.notify.templates.TemplateUse;
import io.cmeautopilot.notify.templates.Templates;

/**
 * The e-mail telling a team's lead (else the team's address) that a task of the team is overdue and
 * was escalated: {@code templates/task-escalated} rendered with {@code task} and {@code account},
 * written to the outbox in the escalating transaction. One per escalation (a task escalates once).
 */
@ApplicationScoped
class EscalationNotice {

    static final String EVENT_TYPE = "task.escalated";

    /** Declared, so that the rule-book check finds a missing template or variable before a task escalates. */
    @Produces
    static final TemplateUse TEMPLATE = new TemplateUse("task-escalated", "task escalations", TemplateModel.of(Map.of(
            "task", Set.of("id", "type", "title", "team", "assignee", "dueAt", "was", "priority"),
            "account", Set.of("id", "externalId", "name"))));

    @Inject
    Outbox outbox;
    @Inject
    Templates templates;

    /**
     * Enqueues the notice in the caller's transaction.
     *
     * @throws io.cmeautopilot.notify.templates.TemplateRenderingException when the template cannot be
     *         rendered: the escalation is rolled back with it and tried again on the next round
     */
    void send(TaskSla.Escalated e) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", e.taskId());
        task.put("type", e.type());
        task.put("title", e.title());
        task.put("team", e.team());
        task.put("assignee", e.assignee());
        task.put("dueAt", e.dueAt() == null ? null : e.dueAt().toString());
        task.put("was", e.was());
        task.put("priority", e.nowIs());
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", e.accountId());
        account.put("externalId", e.accountExternalId());
        account.put("name", e.accountName());
        Map<String, Object> data = Map.of("task", task, "account", account);
        OutboundMessage.Recipient to = e.lead() != null ? OutboundMessage.Recipient.owner(e.lead())
                : OutboundMessage.Recipient.address(e.teamEmail());
        outbox.enqueue(OutboundMessage.builder(EVENT_TYPE, DeliveryChannel.EMAIL, to, "task-escalated:" + e.taskId())
                .accountId(e.accountId()).rendered(templates.render(TEMPLATE.template(), data)).payload(data)
                .evidence(Map.of("taskId", e.taskId(), "reason", "overdue since " + task.get("dueAt"),
                        "priority", e.was() + " -> " + e.nowIs()))
                .build());
    }
}
