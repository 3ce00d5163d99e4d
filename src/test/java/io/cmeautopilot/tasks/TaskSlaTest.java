package io.cmeautopilot.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.notify.Mailbox;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The SLA round, with the clock moved forward instead of waiting; escalation notices reach a real SMTP server. */
@QuarkusTest
class TaskSlaTest {

    @Inject
    TaskSla sla;
    @ConfigProperty(name = "quarkus.mailer.port")
    int port;

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    long task(Map<String, Object> fields) {
        return task(Api.uniqueName("t"), fields);
    }

    long task(String team, Map<String, Object> fields) {
        long account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("sla"), "name", "SLA", "team", team))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("accountId", account, "type", "renewal", "title", "Renew"));
        body.putAll(fields);
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/tasks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    io.restassured.path.json.JsonPath task(long id) {
        return Api.given().when().get("/api/tasks/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void an_overdue_task_is_escalated_once_and_a_snoozed_task_wakes_on_time() {
        Instant now = Instant.now();
        long overdue = task(Map.of("priority", "NORMAL", "dueAt", now.plus(Duration.ofHours(1)).toString()));
        long notYetDue = task(Map.of("priority", "NORMAL", "dueAt", now.plus(Duration.ofDays(3)).toString()));
        long snoozed = task(Map.of());
        Api.given().contentType(ContentType.JSON).body(Map.of("until", now.plus(Duration.ofMinutes(30)).toString()))
                .when().post("/api/tasks/" + snoozed + "/snooze").then().statusCode(200);

        sla.runOnce();
        Api.given().when().get("/api/tasks/" + snoozed).then().body("task.status", equalTo("SNOOZED"));
        Api.given().when().get("/api/tasks/" + overdue).then().body("task.priority", equalTo("NORMAL"));

        TestClock.advance(Duration.ofHours(2));
        sla.runOnce();
        Api.given().when().get("/api/tasks/" + overdue).then()
                .body("task.priority", equalTo("HIGH"))
                .body("history.note", hasItem("overdue"))
                .body("history[-1].actor", equalTo("system"));
        Api.given().when().get("/api/tasks/" + notYetDue).then().body("task.priority", equalTo("NORMAL"));
        Api.given().when().get("/api/tasks/" + snoozed).then()
                .body("task.status", equalTo("OPEN")).body("task.snoozedUntil", equalTo(null))
                .body("history[-1].note", equalTo("snooze ended"));

        TestClock.advance(Duration.ofHours(2));
        sla.runOnce();
        Api.given().when().get("/api/tasks/" + overdue).then().body("task.priority", equalTo("HIGH"));
    }

    @Test
    void an_escalation_emails_the_team_lead_or_else_the_teams_address_and_records_the_notice() throws Exception {
        String led = Api.uniqueName("led");
        String mailed = Api.uniqueName("mailed");
        String lead = Api.uniqueName("lena");
        Api.given().contentType(ContentType.JSON).body(Map.of("roles", List.of("cme"), "team", led, "email", lead + "@example.com"))
                .when().put("/api/users/" + lead).then().statusCode(201);
        Api.given().contentType(ContentType.JSON).body(Map.of("lead", lead, "email", led + "@example.com"))
                .when().put("/api/teams/" + led).then().statusCode(201);
        Api.given().contentType(ContentType.JSON).body(Map.of("email", mailed + "@example.com"))
                .when().put("/api/teams/" + mailed).then().statusCode(201);
        String due = Instant.now().plus(Duration.ofMinutes(5)).toString();
        long ledTask = task(led, Map.of("priority", "LOW", "dueAt", due));
        long mailedTask = task(mailed, Map.of("priority", "LOW", "dueAt", due));
        long unledTask = task(Map.of("priority", "LOW", "dueAt", due));

        try (Mailbox mailbox = Mailbox.start(port)) {
            TestClock.advance(Duration.ofHours(1));
            sla.runOnce();
            Api.given().when().get("/api/tasks/" + ledTask).then()
                    .body("task.priority", equalTo("NORMAL"))
                    .body("history[-1].change", equalTo("notice")).body("history[-1].to", equalTo(lead))
                    .body("history[-1].note", containsString("overdue, priority LOW -> NORMAL"));
            Api.given().when().get("/api/tasks/" + mailedTask).then()
                    .body("history[-1].change", equalTo("notice")).body("history[-1].to", equalTo(mailed + "@example.com"));
            Api.given().when().get("/api/tasks/" + unledTask).then()
                    .body("task.priority", equalTo("NORMAL")).body("history.change", not(hasItem("notice")));

            MimeMessage toLead = mailbox.awaitOne(lead + "@example.com");
            assertThat(Mailbox.subject(toLead)).isEqualTo("Overdue task escalated: Renew (SLA)");
            assertThat(Mailbox.body(toLead)).contains("A task of team " + led + " is overdue and has been escalated")
                    .contains("Priority: LOW -> NORMAL").contains("/api/tasks/" + ledTask)
                    .contains("Assignee: nobody yet (waiting in the team queue)");
            assertThat(Mailbox.subject(mailbox.awaitOne(mailed + "@example.com"))).isEqualTo("Overdue task escalated: Renew (SLA)");
            assertThat(mailbox.to(led + "@example.com")).as("the lead is told, not the team's address").isEmpty();
            long account = task(ledTask).getLong("task.accountId");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.given().queryParam("accountId", account)
                    .when().get("/api/notify/messages").then()
                    .body("items.eventType", equalTo(List.of("task.escalated")))
                    .body("items.status", equalTo(List.of("DELIVERED"))));
        }
    }
}
