package io.cmeautopilot.notify.delivery;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.notify.NotifyConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/** Sends one e-mail (plain text, plus HTML when there is some) over SMTP; any failure is retried. */
@ApplicationScoped
class EmailSender {

    /** Lets mail clients and support tell which outbox message an e-mail came from. */
    static final String MESSAGE_HEADER = "X-CME-Notification-Id";

    @Inject
    ReactiveMailer mailer;
    @Inject
    NotifyConfig config;

    Outcome send(List<String> to, String subject, String text, String html, String messageId) {
        Mail mail = new Mail().setTo(to).setSubject(subject).setText(text).addHeader(MESSAGE_HEADER, messageId);
        if (html != null && !html.isBlank()) {
            mail.setHtml(html);
        }
        String target = String.join(", ", to);
        long start = System.nanoTime();
        try {
            mailer.send(mail).await().atMost(config.email().timeout());
            return Outcome.delivered(null, target, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Outcome.failed(null, target, "SMTP: " + reason, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
