package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cmeautopilot.notify.Mailbox;
import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.Receiver;
import io.cmeautopilot.notify.WebhookVerifier;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Rules of a test rule book propose notifications; applied runs send them through the outbox to a
 * real SMTP server and a real webhook receiver, once per cooldown.
 */
@QuarkusTest
class RuleNotificationTest {

    static final String TO_OWNER = "Notify: quiet account to its owner";
    static final String TO_CRM = "Notify: quiet account to the CRM";
    static final String BROKEN = "Notify: a param the rule forgot";
    static final Path RULES = RulesDirectoryTestResource.DIR;
    static final Path DRL = RULES.resolve("zz-notify.drl");
    static final List<Path> TEMPLATES = List.of(RULES.resolve("templates/zz-quiet.txt"),
            RULES.resolve("templates/zz-quiet.html"), RULES.resolve("templates/zz-needs-limit.txt"));

    @ConfigProperty(name = "quarkus.mailer.port")
    int port;

    Mailbox mailbox;
    Receiver receiver;
    String segment;
    String owner;
    String endpoint;
    String secret;
    long account;
    final List<Long> accounts = new ArrayList<>();

    @BeforeEach
    void an_owner_with_an_address_a_crm_endpoint_and_rules_that_notify_them() throws Exception {
        mailbox = Mailbox.start(port);
        receiver = Receiver.accepting();
        segment = Api.uniqueName("NOTIFIED");
        owner = Api.uniqueName("cme");
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("cme"), "team", "t-" + segment, "email", owner + "@example.com"))
                .when().put("/api/users/" + owner).then().statusCode(201);
        endpoint = Api.uniqueName("crm");
        secret = Notify.webhook(endpoint, receiver.url(), "rule.*");
        account = account("Quiet Co", owner);

        Files.writeString(TEMPLATES.get(0), """
                Subject: {account.name} needs you

                Hello {account.owner},

                {account.name} ({account.externalId}) matched "{rule}": {rule.description}.
                Segment {evidence.segment}; reason: {params.reason ?: 'none given'}.
                """);
        Files.writeString(TEMPLATES.get(1), "<p>Hello {account.owner},</p><p><b>{account.name}</b> matched &ldquo;{rule}&rdquo;.</p>\n");
        Files.writeString(TEMPLATES.get(2), "Subject: limit\n\nThe limit is {params.limit}.\n");
        Files.writeString(DRL, """
                package rules.notifytest
                import io.cmeautopilot.rules.api.*

                rule "%1$s" @category("test") @description("nobody logged in lately") @cooldown("P7D")
                when
                    $a : AccountFact( segment == "%2$s" )
                then
                    insert(Notification.toOwner($a).template("zz-quiet").build());
                end

                rule "%3$s" @category("test")
                when
                    $a : AccountFact( segment == "%2$s", owner != null )
                then
                    insert(Notification.toEndpoint($a, "%4$s").template("zz-quiet").param("reason", "no login").build());
                end

                rule "%5$s" @category("test")
                when
                    $a : AccountFact( segment == "%2$s", name == "Broken Co" )
                then
                    insert(Notification.toOwner($a).template("zz-needs-limit").build());
                end
                """.formatted(TO_OWNER, segment, TO_CRM, endpoint, BROKEN));
        Api.given().when().post("/api/rules/reload").then().statusCode(200)
                .body("result", anyOf(equalTo("ACTIVATED"), equalTo("UNCHANGED")));
        Api.given().when().get("/api/rules").then().body("rules.name", hasItem(TO_OWNER));
    }

    /** Every message of the test settles (delivered or dead) before its receivers go, so none is left for other tests. */
    @AfterEach
    void the_messages_settle_and_the_rules_go() throws Exception {
        try {
            for (long id : accounts) {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> messages(id).getList("items.status").stream().noneMatch("PENDING"::equals));
            }
        } finally {
            TestClock.reset();
            mailbox.close();
            receiver.close();
            Notify.deleteEndpoint(endpoint);
            Files.deleteIfExists(DRL);
            for (Path template : TEMPLATES) {
                Files.deleteIfExists(template);
            }
            Api.given().when().post("/api/rules/reload").then().statusCode(200);
        }
    }

    long account(String name, String owner) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("externalId", Api.uniqueName("acct"), "name", name,
                "segment", segment, "stage", "ESTABLISHED"));
        if (owner != null) {
            body.put("owner", owner);
            body.put("team", "t-" + segment);
        }
        long id = Api.given().contentType(ContentType.JSON).body(body).when().post("/api/accounts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        accounts.add(id);
        return id;
    }

    static JsonPath run(List<Long> ids, String mode) {
        return Api.given().contentType(ContentType.JSON).body(Map.of("scope", Map.of("accountIds", ids), "mode", mode))
                .when().post("/api/evaluations").then().statusCode(200).extract().jsonPath();
    }

    static int stat(JsonPath run, String rule, String figure) {
        return run.getInt("rules.'" + rule + "'." + figure);
    }

    static JsonPath messages(long account) {
        return Api.given().queryParam("accountId", account).queryParam("limit", 100).when().get("/api/notify/messages")
                .then().statusCode(200).extract().jsonPath();
    }

    void awaitDelivered(long account, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(messages(account).getList("items.status")).hasSize(count).containsOnly("DELIVERED"));
    }

    @Test
    void an_applied_run_emails_the_owner_and_calls_the_crm_webhook_with_the_rendered_template_and_the_evidence()
            throws Exception {
        JsonPath run = run(List.of(account), "apply");
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(stat(run, TO_OWNER, "created")).isEqualTo(1);
        assertThat(stat(run, TO_CRM, "created")).isEqualTo(1);
        awaitDelivered(account, 2);

        MimeMessage mail = mailbox.awaitOne(owner + "@example.com");
        assertThat(Mailbox.subject(mail)).isEqualTo("Quiet Co needs you");
        String ext = Api.given().when().get("/api/accounts/" + account).then().extract().path("externalId");
        assertThat(Mailbox.body(mail)).contains("Hello " + owner + ",")
                .contains("Quiet Co (" + ext + ") matched \"" + TO_OWNER + "\": nobody logged in lately.")
                .contains("Segment " + segment + "; reason: none given.")
                .contains("<b>Quiet Co</b> matched &ldquo;" + TO_OWNER + "&rdquo;.");

        Receiver.Request hook = receiver.requests().get(0);
        assertThat(WebhookVerifier.verifies(secret, hook, Instant.now(), Duration.ofMinutes(5))).isTrue();
        JsonNode body = new ObjectMapper().readTree(hook.body());
        assertThat(body.get("type").asText()).isEqualTo("rule.notification");
        assertThat(body.get("accountId").asLong()).isEqualTo(account);
        assertThat(body.get("subject").asText()).isEqualTo("Quiet Co needs you");
        assertThat(body.get("text").asText()).contains("reason: no login.");
        assertThat(body.at("/data/template").asText()).isEqualTo("zz-quiet");
        assertThat(body.at("/data/params/reason").asText()).isEqualTo("no login");
        assertThat(body.at("/data/account/externalId").asText()).isEqualTo(ext);
        assertThat(body.at("/evidence/rule").asText()).isEqualTo(TO_CRM);
        assertThat(body.at("/evidence/runId").asLong()).isEqualTo(run.getLong("id"));
        assertThat(body.at("/evidence/ruleBookVersion").asText()).isEqualTo(run.getString("ruleBookVersion"));
        assertThat(body.at("/evidence/matched/segment").asText()).isEqualTo(segment);
        assertThat(body.at("/evidence/matched/owner").asText()).isEqualTo(owner);
    }

    @Test
    void within_the_cooldown_the_same_evaluation_sends_nothing_more_and_after_it_sends_again() {
        run(List.of(account), "apply");
        awaitDelivered(account, 2);

        JsonPath again = run(List.of(account), "apply");
        assertThat(stat(again, TO_OWNER, "created")).isZero();
        assertThat(stat(again, TO_OWNER, "suppressedByCooldown")).isEqualTo(1);
        assertThat(stat(again, TO_CRM, "created")).isEqualTo(1); // no @cooldown: once per run
        awaitDelivered(account, 3);
        assertThat(mailbox.to(owner + "@example.com")).hasSize(1);
        assertThat(receiver.requests()).hasSize(2);

        TestClock.advance(Duration.ofDays(8));
        JsonPath later = run(List.of(account), "apply");
        assertThat(stat(later, TO_OWNER, "created")).isEqualTo(1);
        awaitDelivered(account, 5);
        assertThat(mailbox.to(owner + "@example.com")).hasSize(2);
    }

    @Test
    void an_account_without_an_owner_is_counted_as_not_applied_and_the_run_goes_on() {
        long nobodys = account("Nobody's Co", null);
        JsonPath run = run(List.of(account, nobodys), "apply");
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(stat(run, TO_OWNER, "proposed")).isEqualTo(2);
        assertThat(stat(run, TO_OWNER, "created")).isEqualTo(1);
        assertThat(stat(run, TO_OWNER, "notApplied")).isEqualTo(1);
        assertThat(stat(run, TO_OWNER, "failures")).isZero();
        assertThat(run.getList("failures")).isEmpty();
        assertThat(messages(nobodys).getList("items")).isEmpty();
        awaitDelivered(account, 2);
    }

    @Test
    void a_template_that_cannot_be_rendered_is_a_failure_of_its_rule_on_the_run_not_of_the_run() {
        long broken = account("Broken Co", owner);
        JsonPath run = run(List.of(account, broken), "apply");
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(stat(run, BROKEN, "proposed")).isEqualTo(1);
        assertThat(stat(run, BROKEN, "created")).isZero();
        assertThat(stat(run, BROKEN, "failures")).isEqualTo(1);
        assertThat(run.getString("failures.find { it.rule == '" + BROKEN + "' }.error"))
                .contains("template 'zz-needs-limit' could not be rendered").contains("limit");
        assertThat(run.getLong("failures.find { it.rule == '" + BROKEN + "' }.accountId")).isEqualTo(broken);
        assertThat(stat(run, TO_OWNER, "created")).isEqualTo(2);
        awaitDelivered(account, 2);
        awaitDelivered(broken, 2);
    }

    @Test
    void explain_says_whether_a_notification_would_be_sent_and_a_dry_run_sends_nothing() {
        JsonPath dry = run(List.of(account), "dry-run");
        assertThat(stat(dry, TO_OWNER, "proposed")).isEqualTo(1);
        assertThat(messages(account).getList("items")).isEmpty();
        Api.given().when().get("/api/accounts/" + account + "/explain").then().statusCode(200)
                .body("matched.find { it.rule == '" + TO_OWNER + "' }.outcome",
                        equalTo("would enqueue email to the owner " + owner + " (template zz-quiet)"))
                .body("matched.find { it.rule == '" + TO_CRM + "' }.outcome",
                        equalTo("would enqueue webhook to the endpoint " + endpoint
                                + " (template zz-quiet; no @cooldown: once per run)"));

        run(List.of(account), "apply");
        assertThat(Api.given().when().get("/api/accounts/" + account + "/explain").then().extract().jsonPath()
                .getString("matched.find { it.rule == '" + TO_OWNER + "' }.outcome"))
                .startsWith("suppressed: a notification with the same key was enqueued at ")
                .endsWith("within the rule's cooldown (PT168H)");
        long nobodys = account("Nobody's Co", null);
        Api.given().when().get("/api/accounts/" + nobodys + "/explain").then()
                .body("matched.find { it.rule == '" + TO_OWNER + "' }.outcome", equalTo("not sent: the account has no owner"));
        long broken = account("Broken Co", owner);
        assertThat(Api.given().when().get("/api/accounts/" + broken + "/explain").then().extract().jsonPath()
                .getString("matched.find { it.rule == '" + BROKEN + "' }.outcome"))
                .startsWith("would fail: template 'zz-needs-limit' cannot be rendered");
        awaitDelivered(account, 2);
    }
}
