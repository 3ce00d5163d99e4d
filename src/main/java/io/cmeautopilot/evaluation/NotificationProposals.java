package io.cmeautopilot.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.OutboundMessage;
import io.cmeautopilot.notify.Outbox;
import io.cmeautopilot.notify.templates.RenderedTemplate;
import io.cmeautopilot.notify.templates.TemplateRenderingException;
import io.cmeautopilot.notify.templates.Templates;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleInfo;
import io.cmeautopilot.rules.api.Notification;

/**
 * Turns rule notification proposals into outbox messages, in the chunk's transaction: the template
 * rendered with the account's fact, the rule's params, the rule and the evidence, to the recipient
 * the rule named. A rule's {@code @cooldown} counts from the last message with the same key (rule +
 * account + kind + discriminator); without one, a key is notified once per run.
 */
@ApplicationScoped
class NotificationProposals {

    private static final Logger LOG = Logger.getLogger(NotificationProposals.class);

    /** Every rule notification has this webhook type; {@code data.template} tells them apart. */
    static final String EVENT_TYPE = "rule.notification";
    private static final int MAX_KEY = 400;

    @Inject
    Outbox outbox;
    @Inject
    Templates templates;
    @Inject
    Clock clock;

    /**
     * Enqueues a chunk's notifications, except those whose key is cooling down, and records on the
     * chunk what became of each: created, cooldown, not applied (nobody to send it to) or a failure
     * of its rule (the template could not be rendered). A fixed number of statements per chunk: the
     * cooldown keys locked and looked up at once, the messages written at once. Only the database
     * failing throws, and fails the chunk.
     */
    void applyAll(RuleBook book, List<Proposal> proposals, long runId, ChunkOutcome outcome) {
        List<Proposal> addressed = new ArrayList<>();
        for (Proposal proposal : proposals) {
            Notification notification = (Notification) proposal.action();
            if (notification.getTarget() == null) {
                LOG.debugf("Rule '%s' proposed a notification to the %s of account %s, which has none: not sent",
                        proposal.rule(), notification.getRecipient().name().toLowerCase(),
                        notification.getAccountExternalId());
                outcome.add(proposal.rule(), RuleStats.of("not-applied"));
            } else {
                addressed.add(proposal);
            }
        }
        // Locked until the chunk commits: another run offering the same key waits, then sees this one's message.
        Map<String, Instant> lastEnqueued = outbox.lockCooldownKeys(addressed.stream()
                .filter(p -> cooldown(book, p) != null).map(Proposal::dedupeKey).distinct().toList());
        Instant now = clock.instant();
        List<OutboundMessage> messages = new ArrayList<>();
        List<String> cooldownKeys = new ArrayList<>();
        List<Proposal> sent = new ArrayList<>();
        for (Proposal proposal : addressed) {
            Duration cooldown = cooldown(book, proposal);
            Instant last = lastEnqueued.get(proposal.dedupeKey());
            if (cooldown != null && last != null && last.isAfter(now.minus(cooldown))) {
                outcome.add(proposal.rule(), RuleStats.of("cooldown"));
                continue;
            }
            Notification notification = (Notification) proposal.action();
            try {
                messages.add(message(proposal, notification, rule(book, proposal), runId));
            } catch (TemplateRenderingException e) {
                outcome.failed(proposal, "notification template '" + notification.getTemplate()
                        + "' could not be rendered: " + e.getMessage());
                continue;
            }
            cooldownKeys.add(proposal.dedupeKey());
            sent.add(proposal);
        }
        Set<String> written = outbox.enqueueAll(messages, cooldownKeys);
        for (int i = 0; i < sent.size(); i++) {
            // Not written: this run already sent the key (a chunk worked again), which counts as cooling down.
            outcome.add(sent.get(i).rule(), RuleStats.of(written.contains(messages.get(i).sourceKey()) ? "created" : "cooldown"));
        }
    }

    private static Duration cooldown(RuleBook book, Proposal proposal) {
        RuleInfo rule = rule(book, proposal);
        return rule == null ? null : rule.cooldown();
    }

    /** What {@link #applyAll} would do now, in words for explain. */
    String explain(RuleBook book, Proposal proposal) {
        Notification notification = (Notification) proposal.action();
        if (notification.getTarget() == null) {
            return "not sent: the account has no " + notification.getRecipient().name().toLowerCase();
        }
        RuleInfo rule = rule(book, proposal);
        Duration cooldown = rule == null ? null : rule.cooldown();
        if (coolingDown(proposal, cooldown)) {
            return "suppressed: a notification with the same key was enqueued at "
                    + outbox.lastEnqueued(proposal.dedupeKey()).orElseThrow() + ", within the rule's cooldown (" + cooldown + ")";
        }
        try {
            render(proposal, notification, rule);
        } catch (TemplateRenderingException e) {
            return "would fail: template '" + notification.getTemplate() + "' cannot be rendered: " + e.getMessage();
        }
        return "would enqueue " + notification.getChannel().name().toLowerCase() + " to the "
                + notification.getRecipient().name().toLowerCase() + " " + notification.getTarget() + " (template "
                + notification.getTemplate() + (cooldown == null ? "; no @cooldown: once per run)" : ")");
    }

    private boolean coolingDown(Proposal proposal, Duration cooldown) {
        Optional<Instant> last = cooldown == null ? Optional.empty() : outbox.lastEnqueued(proposal.dedupeKey());
        return last.isPresent() && last.get().isAfter(clock.instant().minus(cooldown));
    }

    private OutboundMessage message(Proposal proposal, Notification notification, RuleInfo rule, long runId) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("rule", proposal.rule());
        evidence.put("ruleBookVersion", proposal.ruleBookVersion());
        evidence.put("runId", runId);
        evidence.put("matched", new LinkedHashMap<>(proposal.evidence()));
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", notification.getAccountId());
        account.put("externalId", notification.getAccountExternalId());
        account.put("name", notification.getAccount().getName());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("rule", proposal.rule());
        payload.put("template", notification.getTemplate());
        payload.put("account", account);
        payload.put("params", notification.getParams());
        return OutboundMessage.builder(EVENT_TYPE, DeliveryChannel.valueOf(notification.getChannel().name()),
                recipient(notification), sourceKey(proposal, runId))
                .accountId(notification.getAccountId()).rendered(render(proposal, notification, rule))
                .payload(payload).evidence(evidence).build();
    }

    private RenderedTemplate render(Proposal proposal, Notification notification, RuleInfo rule) {
        return templates.render(notification.getTemplate(), NotificationData.of(notification, proposal, rule));
    }

    private static OutboundMessage.Recipient recipient(Notification notification) {
        return switch (notification.getRecipient()) {
            case OWNER -> OutboundMessage.Recipient.owner(notification.getTarget());
            case TEAM -> OutboundMessage.Recipient.team(notification.getTarget());
            case ADDRESS -> OutboundMessage.Recipient.address(notification.getTarget());
            case ENDPOINT -> OutboundMessage.Recipient.endpoint(notification.getTarget());
        };
    }

    /**
     * One message per key and run: a chunk taken over after its lease ran out and worked again
     * proposes the same key in the same run, which the outbox's unique source key turns away.
     */
    static String sourceKey(Proposal proposal, long runId) {
        String key = proposal.dedupeKey();
        return "rule:" + runId + ":" + (key.length() <= MAX_KEY ? key : "sha256:" + sha256(key));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static RuleInfo rule(RuleBook book, Proposal proposal) {
        return book.rule(proposal.rulePackage(), proposal.rule()).orElse(null);
    }
}
