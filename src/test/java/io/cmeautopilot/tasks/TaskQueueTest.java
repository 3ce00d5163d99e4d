package io.cmeautopilot.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TaskQueueTest {

    String team;
    String alice;      // CME in team
    String aliceName;
    String bob;        // CME in another team
    long account;

    @BeforeEach
    void people() {
        team = Api.uniqueName("team");
        aliceName = Api.uniqueName("alice");
        alice = Api.userKey(aliceName, team, Roles.CME);
        bob = Api.userKey(Api.uniqueName("bob"), Api.uniqueName("other"), Roles.CME);
        account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("acct"), "name", "Queued", "owner", aliceName, "team", team))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    JsonPath create(String key, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "type", "health-check", "title", "Check in"));
        body.putAll(fields);
        return Api.as(key).contentType(ContentType.JSON).body(body).when().post("/api/tasks")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void a_manual_task_goes_to_the_account_owner_and_records_its_creation() {
        JsonPath task = create(Api.ADMIN_KEY, Map.of("checklist", List.of("Review usage", "Call sponsor")));
        assertThat(task.getString("assignee")).isEqualTo(aliceName);
        assertThat(task.getString("team")).isEqualTo(team);
        assertThat(task.getString("status")).isEqualTo("OPEN");
        assertThat(task.getString("origin.kind")).isEqualTo("manual");
        Api.as(alice).when().get("/api/tasks/" + task.getLong("id")).then().statusCode(200)
                .body("history[0].change", equalTo("created"));
    }

    @Test
    void my_tasks_come_most_urgent_first_then_by_due_time_and_page_stably() {
        Instant now = Instant.now();
        create(Api.ADMIN_KEY, Map.of("title", "low", "priority", "LOW"));
        create(Api.ADMIN_KEY, Map.of("title", "high-later", "priority", "HIGH", "dueAt", now.plus(3, ChronoUnit.DAYS).toString()));
        create(Api.ADMIN_KEY, Map.of("title", "urgent", "priority", "URGENT"));
        create(Api.ADMIN_KEY, Map.of("title", "high-soon", "priority", "HIGH", "dueAt", now.plus(1, ChronoUnit.DAYS).toString()));
        create(Api.ADMIN_KEY, Map.of("title", "high-no-due", "priority", "HIGH"));
        JsonPath first = Api.as(alice).queryParam("limit", 2).when().get("/api/tasks/mine").then().statusCode(200)
                .extract().jsonPath();
        JsonPath rest = Api.as(alice).queryParam("limit", 10).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/api/tasks/mine").then().statusCode(200).body("nextCursor", nullValue()).extract().jsonPath();
        List<String> titles = new java.util.ArrayList<>(first.getList("items.title"));
        titles.addAll(rest.getList("items.title"));
        assertThat(titles).containsExactly("urgent", "high-soon", "high-later", "high-no-due", "low");
        Api.as(alice).queryParam("priority", "HIGH").queryParam("dueBefore", now.plus(2, ChronoUnit.DAYS).toString())
                .when().get("/api/tasks/mine").then().statusCode(200).body("items.title", equalTo(List.of("high-soon")));
    }

    @Test
    void a_task_is_started_and_completed_and_its_history_is_complete() {
        long id = create(Api.ADMIN_KEY, Map.of("checklist", List.of("Review usage"))).getLong("id");
        Api.as(alice).header("If-Match", "\"0\"").when().post("/api/tasks/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).header("ETag", "\"1\"");
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("done", true)).when()
                .post("/api/tasks/" + id + "/checklist/0").then().statusCode(200).body("checklist[0].done", equalTo(true));
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("text", "Spoke to the sponsor")).when()
                .post("/api/tasks/" + id + "/comments").then().statusCode(200);
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("outcome", "Healthy; renewal on track")).when()
                .post("/api/tasks/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("DONE")).body("closedBy", equalTo(aliceName));
        Api.as(alice).when().get("/api/tasks/" + id).then().statusCode(200)
                .body("history.change", equalTo(List.of("created", "status", "checklist", "comment", "status")))
                .body("history[1].from", equalTo("OPEN")).body("history[1].to", equalTo("IN_PROGRESS"))
                .body("history[4].to", equalTo("DONE")).body("history[4].actor", equalTo(aliceName));
    }

    @Test
    void illegal_transitions_are_refused_and_change_nothing() {
        long id = create(Api.ADMIN_KEY, Map.of()).getLong("id");
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("until", Instant.now().minusSeconds(60).toString()))
                .when().post("/api/tasks/" + id + "/snooze").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("until"));
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("reason", "Duplicate of a call already booked"))
                .when().post("/api/tasks/" + id + "/dismiss").then().statusCode(200).body("status", equalTo("DISMISSED"));
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("outcome", "Done after all"))
                .when().post("/api/tasks/" + id + "/complete").then().statusCode(409).contentType("application/problem+json");
        Api.as(alice).when().post("/api/tasks/" + id + "/start").then().statusCode(409);
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("outcome", ""))
                .when().post("/api/tasks/" + id + "/complete").then().statusCode(422);
        Api.as(alice).when().get("/api/tasks/" + id).then().body("task.status", equalTo("DISMISSED"))
                .body("history", hasSize(2));
        Api.as(alice).when().post("/api/tasks/987654321/start").then().statusCode(404);
    }

    @Test
    void a_concurrent_edit_is_detected_not_overwritten() {
        long id = create(Api.ADMIN_KEY, Map.of()).getLong("id");
        Api.as(alice).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("until", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .when().post("/api/tasks/" + id + "/snooze").then().statusCode(200).body("status", equalTo("SNOOZED"));
        Api.as(alice).header("If-Match", "\"0\"").when().post("/api/tasks/" + id + "/start")
                .then().statusCode(412).contentType("application/problem+json");
        Api.as(alice).when().get("/api/tasks/" + id).then().body("task.status", equalTo("SNOOZED"));
    }

    @Test
    void claiming_takes_the_most_urgent_unassigned_task_and_an_empty_queue_is_404() {
        create(Api.ADMIN_KEY, Map.of("team", team, "title", "normal"));
        create(Api.ADMIN_KEY, Map.of("team", team, "title", "urgent", "priority", "URGENT"));
        Api.as(alice).when().post("/api/tasks/queues/" + team + "/claim").then().statusCode(200)
                .body("title", equalTo("urgent")).body("assignee", equalTo(aliceName));
        Api.as(alice).when().post("/api/tasks/queues/" + team + "/claim").then().statusCode(200).body("title", equalTo("normal"));
        Api.as(alice).when().post("/api/tasks/queues/" + team + "/claim").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Queue empty"));
    }

    @Test
    void a_cme_of_another_team_sees_neither_the_queue_nor_its_tasks() {
        long id = create(Api.ADMIN_KEY, Map.of("team", team)).getLong("id");
        Api.as(bob).when().get("/api/tasks/" + id).then().statusCode(404);
        Api.as(bob).when().post("/api/tasks/" + id + "/start").then().statusCode(404);
        Api.as(bob).when().get("/api/tasks/queues/" + team).then().statusCode(404);
        Api.as(bob).when().post("/api/tasks/queues/" + team + "/claim").then().statusCode(404);
        Api.as(bob).contentType(ContentType.JSON).body(Map.of("accountId", account, "type", "custom", "title", "x"))
                .when().post("/api/tasks").then().statusCode(422);
        Api.as(Api.keyWithRoles(Roles.INTEGRATION)).when().get("/api/tasks/mine").then().statusCode(403);
        Api.as(alice).when().get("/api/tasks/queues/" + team).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void an_unknown_task_type_is_a_validation_error() {
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("accountId", account, "type", "party", "title", "x"))
                .when().post("/api/tasks").then().statusCode(422).body("errors[0].field", equalTo("type"));
    }
}
