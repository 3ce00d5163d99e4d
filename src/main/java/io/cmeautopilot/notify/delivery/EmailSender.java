package io.cmeautopilot.notify.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cmeautopilot.notify.NotifyConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends one e-mail (plain text, plus HTML when there is some) over SMTP. A permanent refusal (a 5xx
 * answer such as 550 "no such user") is final: retrying cannot help until someone fixes the address.
 * Anything else (4xx answers, the server down or slow, a failed login) is retried. Errors are said in
 * words, for the attempt list and the dead letter.
 */
@ApplicationScoped
class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    /** Lets mail clients and support tell which outbox message an e-mail came from. */
    static final String MESSAGE_HEADER = "X-CME-Notification-Id";

    /** 5xx answers about our login, not about the message: fixed by configuration, then retries succeed. */
    private static final Set<Integer> AUTHENTICATION_ANSWERS = Set.of(530, 534, 535, 538);

    @Inject
    ReactiveMailer mailer;
    @Inject
    NotifyConfig config;
    @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost")
    String host;
    @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25")
    int port;

    Outcome send(List<String> to, String subject, String text, String html, String messageId) {
        Mail mail = new Mail().setTo(to).setSubject(subject).setText(text).addHeader(MESSAGE_HEADER, messageId);
        if (html != null && !html.isBlank()) {
            mail.setHtml(html);
        }
        String target = String.join(", ", to);
        long start = System.nanoTime();
        try {
            mailer.send(mail).await().atMost(config.email().timeout());
            return Outcome.delivered(null, target, millisSince(start));
        } catch (RuntimeException e) {
            return failure(e, target, millisSince(start));
        }
    }

    private Outcome failure(RuntimeException e, String target, long latency) {
        if (e instanceof TimeoutException) {
            return Outcome.failed(null, target, "SMTP: no answer within " + config.email().timeout().toSeconds() + " s", latency);
        }
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SMTPException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SMTPException smtp) {
            String answer = "SMTP: the server answered " + answerOf(smtp);
            return permanent(smtp.getReplyCode()) ? new Outcome(Outcome.Kind.REJECTED, null, target, answer, latency)
                    : Outcome.failed(null, target, answer, latency);
        }
        return Outcome.failed(null, target, "SMTP: " + inWords(cause, e), latency);
    }

    static boolean permanent(int replyCode) {
        return replyCode >= 500 && replyCode < 600 && !AUTHENTICATION_ANSWERS.contains(replyCode);
    }

    private String inWords(Throwable cause, RuntimeException e) {
        String server = host + ":" + port;
        if (cause instanceof ConnectException) {
            return "could not connect to " + server + " (connection refused)";
        }
        if (cause instanceof UnknownHostException) {
            return "the server's host " + host + " does not resolve";
        }
        if (cause instanceof SSLException) {
            return "the TLS handshake with " + server + " failed";
        }
        if (cause instanceof IOException) {
            return "the connection to " + server + " was lost";
        }
        LOG.warnf(e, "Sending an e-mail through %s failed", server);
        return "sending through " + server + " failed (see the server log)";
    }

    /** The server's answer as it gave it: code and text, on one line. */
    private static String answerOf(SMTPException smtp) {
        String text = String.join(" ", smtp.getReplyMessages()).strip().replaceAll("\\s+", " ");
        String code = Integer.toString(smtp.getReplyCode());
        return text.startsWith(code) ? text : (code + " " + text).strip();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
