package io.cmeautopilot.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.OutboundMessage;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** E-mail over SMTP to a real SMTP server (GreenMail) started by the test on the port the mailer uses. */
@QuarkusTest
class EmailDeliveryTest {

    @ConfigProperty(name = "quarkus.mailer.port")
    int port;

    private GreenMail smtp;

    @BeforeEach
    void start_smtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop_smtp() {
        smtp.stop();
        TestClock.reset();
    }

    static void user(String username, String team, String email, boolean disabled) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("roles", List.of("cme"), "team", team, "disabled", disabled));
        if (email != null) {
            body.put("email", email);
        }
        Api.given().contentType(ContentType.JSON).body(body).when().put("/api/users/" + username).then().statusCode(201);
    }

    static OutboundMessage.Builder mail(OutboundMessage.Recipient to) {
        return OutboundMessage.builder("rule.notification", DeliveryChannel.EMAIL, to, Api.uniqueName("mail"));
    }

    /** The distinct e-mails addressed to this recipient (the SMTP server keeps one copy per recipient). */
    private List<MimeMessage> received(String recipient) throws Exception {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(recipient::equals)
                        && seen.add(m.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void the_owner_gets_a_plain_text_and_html_email_tagged_with_the_message_id() throws Exception {
        String owner = Api.uniqueName("alice");
        user(owner, Api.uniqueName("team"), owner + "@example.com", false);
        long id = Notify.enqueue(mail(OutboundMessage.Recipient.owner(owner)).subject("Acme: no login for 21 days")
                .text("Hello,\nnobody logged in.").html("<p>Hello, <b>nobody</b> logged in.</p>").build());

        JsonPath delivered = Notify.awaitStatus(id, "DELIVERED");
        List<MimeMessage> mails = received(owner + "@example.com");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Acme: no login for 21 days");
        assertThat(mail.getHeader(EmailSender.MESSAGE_HEADER)[0]).isEqualTo(delivered.getString("message.messageId"));
        assertThat(mail.getFrom()[0].toString()).isEqualTo("cme-autopilot@localhost");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String all = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        assertThat(parts.getCount()).isGreaterThanOrEqualTo(1);
        assertThat(all).contains("nobody logged in.").contains("<b>nobody</b>");
        assertThat(delivered.getString("attempts[0].target")).isEqualTo(owner + "@example.com");
    }

    @Test
    void a_team_message_goes_to_every_enabled_member_with_an_address() throws Exception {
        String team = Api.uniqueName("emea");
        String a = Api.uniqueName("ann");
        String b = Api.uniqueName("bob");
        user(a, team, a + "@example.com", false);
        user(b, team, b + "@example.com", false);
        user(Api.uniqueName("gone"), team, "gone@example.com", true);
        user(Api.uniqueName("nomail"), team, null, false);
        long id = Notify.enqueue(mail(OutboundMessage.Recipient.team(team)).text("Health turned red").build());

        Notify.awaitStatus(id, "DELIVERED");
        assertThat(received(a + "@example.com")).hasSize(1);
        assertThat(received(b + "@example.com")).hasSize(1);
        assertThat(Arrays.stream(received(a + "@example.com").get(0).getAllRecipients()).map(Address::toString))
                .containsExactlyInAnyOrder(a + "@example.com", b + "@example.com");
        assertThat(received("gone@example.com")).isEmpty();
        assertThat(received(a + "@example.com").get(0).getSubject()).isEqualTo("[CME Autopilot] rule.notification");
    }

    @Test
    void an_unresolvable_recipient_is_a_failure_recorded_on_the_message_not_silence() {
        String noMail = Api.uniqueName("nomail");
        user(noMail, Api.uniqueName("t"), null, false);
        long owner = Notify.enqueue(mail(OutboundMessage.Recipient.owner(noMail)).text("x").build());
        long nobody = Notify.enqueue(mail(OutboundMessage.Recipient.owner(Api.uniqueName("ghost"))).text("x").build());
        long emptyTeam = Notify.enqueue(mail(OutboundMessage.Recipient.team(Api.uniqueName("empty"))).text("x").build());
        long webhookToUser = Notify.enqueue(OutboundMessage.builder("rule.notification", DeliveryChannel.SLACK,
                OutboundMessage.Recipient.owner(noMail), Api.uniqueName("slack")).text("x").build());

        assertThat(Notify.awaitStatus(owner, "DEAD").getString("message.lastError"))
                .isEqualTo("recipient: user " + noMail + " has no e-mail address");
        assertThat(Notify.awaitStatus(nobody, "DEAD").getString("message.lastError")).startsWith("recipient: there is no user named");
        assertThat(Notify.awaitStatus(emptyTeam, "DEAD").getString("message.lastError"))
                .contains("has an e-mail address");
        assertThat(Notify.awaitStatus(webhookToUser, "DEAD").getString("message.lastError"))
                .isEqualTo("a SLACK message goes to an ENDPOINT recipient, not to OWNER " + noMail);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void mail_sent_while_the_smtp_server_is_down_is_delivered_once_it_is_back() throws Exception {
        smtp.stop();
        String address = Api.uniqueName("later") + "@example.com";
        long id = Notify.enqueue(mail(OutboundMessage.Recipient.address(address)).subject("Later").text("x").build());
        JsonPath failed = Notify.awaitAttempts(id, 1);
        assertThat(failed.getString("message.status")).isEqualTo("PENDING");
        assertThat(failed.getString("attempts[0].outcome")).isEqualTo("FAILED");
        assertThat(failed.getString("attempts[0].error")).startsWith("SMTP: ");

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            TestClock.advance(Duration.ofMinutes(10));
            return "DELIVERED".equals(Notify.message(id).getString("message.status"));
        });
        assertThat(received(address)).hasSize(1);
    }
}
