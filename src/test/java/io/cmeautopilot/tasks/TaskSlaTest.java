package io.cmeautopilot.tasks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The SLA round, with the clock moved forward instead of waiting. */
@QuarkusTest
class TaskSlaTest {

    @Inject
    TaskSla sla;

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
    void an_escalation_records_a_notice_for_the_team_lead_or_else_the_teams_address() {
        String led = Api.uniqueName("led");
        String mailed = Api.uniqueName("mailed");
        Api.given().contentType(ContentType.JSON).body(Map.of("lead", "lena", "email", "led@example.com"))
                .when().put("/api/teams/" + led).then().statusCode(201);
        Api.given().contentType(ContentType.JSON).body(Map.of("email", "cs-team@example.com"))
                .when().put("/api/teams/" + mailed).then().statusCode(201);
        String due = Instant.now().plus(Duration.ofMinutes(5)).toString();
        long ledTask = task(led, Map.of("priority", "LOW", "dueAt", due));
        long mailedTask = task(mailed, Map.of("priority", "LOW", "dueAt", due));
        long unledTask = task(Map.of("priority", "LOW", "dueAt", due));

        TestClock.advance(Duration.ofHours(1));
        sla.runOnce();
        Api.given().when().get("/api/tasks/" + ledTask).then()
                .body("task.priority", equalTo("NORMAL"))
                .body("history[-1].change", equalTo("notice")).body("history[-1].to", equalTo("lena"))
                .body("history[-1].note", containsString("overdue, priority LOW -> NORMAL"));
        Api.given().when().get("/api/tasks/" + mailedTask).then()
                .body("history[-1].change", equalTo("notice")).body("history[-1].to", equalTo("cs-team@example.com"));
        Api.given().when().get("/api/tasks/" + unledTask).then()
                .body("task.priority", equalTo("NORMAL")).body("history.change", not(hasItem("notice")));
    }
}
