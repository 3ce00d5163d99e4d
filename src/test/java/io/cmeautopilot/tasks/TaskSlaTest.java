package io.cmeautopilot.tasks;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
        long account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("sla"), "name", "SLA", "team", Api.uniqueName("t")))
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
}
