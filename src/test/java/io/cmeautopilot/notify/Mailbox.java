package io.cmeautopilot.notify;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on the port the service's mailer uses (read it from
 * {@code quarkus.mailer.port}), started by a test that makes the service send e-mail and stopped
 * when it is done. Only one runs at a time, as tests do.
 */
public final class Mailbox implements AutoCloseable {

    private final GreenMail smtp;

    private Mailbox(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    public static Mailbox start(int port) {
        return new Mailbox(port);
    }

    /** The distinct e-mails addressed to this address (the server keeps one copy per recipient). */
    public List<MimeMessage> to(String address) {
        Set<String> seen = new HashSet<>();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(address::equals)
                        && seen.add(m.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits (bounded) for the first e-mail to this address. */
    public MimeMessage awaitOne(String address) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> !to(address).isEmpty());
        return to(address).get(0);
    }

    /** Every text part (plain and HTML), decoded, one after the other, with the lines ending in LF (SMTP sends CRLF). */
    public static String body(MimeMessage mail) {
        try {
            return text(mail.getContent()).replace("\r\n", "\n");
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws MessagingException, java.io.IOException {
        if (content instanceof Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
