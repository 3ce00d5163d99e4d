package io.cmeautopilot.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.OutboundMessage;
import io.cmeautopilot.notify.ScriptedSmtp;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What the SMTP server answers decides what becomes of an e-mail: a permanent refusal (5xx) is a dead
 * letter at once, a temporary one (4xx) is retried; every error reads as words, never a class name.
 */
@QuarkusTest
class SmtpAnswersTest {

    @ConfigProperty(name = "quarkus.mailer.port")
    int port;

    private ScriptedSmtp smtp;

    @AfterEach
    void stop_smtp() {
        if (smtp != null) {
            smtp.close();
        }
        TestClock.reset();
    }

    private static long mailTo(String address) {
        return Notify.enqueue(OutboundMessage.builder("rule.notification", DeliveryChannel.EMAIL,
                OutboundMessage.Recipient.address(address), Api.uniqueName("mail")).subject("Hello").text("x").build());
    }

    private static void readsAsWords(String error) {
        assertThat(error).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z.$]*(Exception|Throwable)")
                .doesNotContain("Exception");
    }

    @Test
    void a_permanent_refusal_is_a_dead_letter_at_once_after_one_attempt() {
        smtp = ScriptedSmtp.answering(port, "550 5.1.1 <nobody@example.com>: no such user");
        long id = mailTo("nobody@example.com");

        JsonPath dead = Notify.awaitStatus(id, "DEAD");
        assertThat(dead.getInt("message.attempts")).isEqualTo(1);
        assertThat(dead.getString("attempts[0].outcome")).isEqualTo("REJECTED");
        assertThat(dead.getString("message.lastError"))
                .isEqualTo("SMTP: the server answered 550 5.1.1 <nobody@example.com>: no such user");
        assertThat(smtp.accepted()).isEmpty();
    }

    @Test
    void a_temporary_refusal_is_retried_and_delivered_once_the_server_accepts() {
        smtp = ScriptedSmtp.answering(port, "450 4.2.1 mailbox busy, try later");
        long id = mailTo(Api.uniqueName("busy") + "@example.com");

        JsonPath failed = Notify.awaitAttempts(id, 1);
        assertThat(failed.getString("message.status")).isEqualTo("PENDING");
        assertThat(failed.getString("attempts[0].outcome")).isEqualTo("FAILED");
        assertThat(failed.getString("attempts[0].error")).isEqualTo("SMTP: the server answered 450 4.2.1 mailbox busy, try later");

        smtp.answer("250 2.1.5 OK");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            TestClock.advance(Duration.ofMinutes(10)); // the retry comes due
            return "DELIVERED".equals(Notify.message(id).getString("message.status"));
        });
        assertThat(smtp.accepted()).hasSize(1);
    }

    @Test
    void a_server_that_is_down_or_silent_is_retried_and_said_in_words() {
        long refused = mailTo(Api.uniqueName("down") + "@example.com");
        JsonPath down = Notify.awaitAttempts(refused, 1);
        assertThat(down.getString("message.status")).isEqualTo("PENDING");
        assertThat(down.getString("attempts[0].error")).isEqualTo("SMTP: could not connect to 127.0.0.1:" + port
                + " (connection refused)");

        smtp = ScriptedSmtp.answering(port, "250 2.1.5 OK");
        smtp.goSilent();
        long hung = mailTo(Api.uniqueName("hung") + "@example.com");
        JsonPath silent = Notify.awaitAttempts(hung, 1);
        assertThat(silent.getString("message.status")).isEqualTo("PENDING");
        assertThat(silent.getString("attempts[0].error")).isEqualTo("SMTP: no answer within 5 s");

        List.of(down, silent).forEach(m -> readsAsWords(m.getString("message.lastError")));
    }
}
