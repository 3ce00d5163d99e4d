package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The starter rule "Churn: no login for 14 days" turned into queue tasks by evaluation runs. */
@QuarkusTest
class EvaluationRunTest {

    static final String RULE = "Churn: no login for 14 days";

    String owner;
    long account;

    @BeforeEach
    void an_account_whose_last_login_was_20_days_ago() {
        owner = Api.uniqueName("owner");
        String ext = Api.uniqueName("quiet");
        account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", ext, "name", "Quiet Co", "owner", owner, "team", "north", "stage", "ESTABLISHED"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", Api.uniqueName("ev"), "account", ext,
                "type", "login", "userId", "u1", "occurredAt", Instant.now().minus(Duration.ofDays(20)).toString())))
                .when().post("/api/signals/usage-events").then().statusCode(200).body("accepted", equalTo(1));
    }

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    JsonPath run(String mode) {
        return Api.given().contentType(ContentType.JSON)
                .body(Map.of("scope", Map.of("accountIds", List.of(account)), "mode", mode))
                .when().post("/api/evaluations").then().statusCode(200).extract().jsonPath();
    }

    List<Map<String, Object>> openTasks() {
        return Api.given().queryParam("accountId", account).when().get("/api/tasks/queues/north")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void applying_creates_a_task_with_its_origin_and_evidence_then_updates_it_instead_of_duplicating() {
        JsonPath first = run("apply");
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(first.getInt("rules.'" + RULE + "'.created")).isEqualTo(2); // the task and the owner's notification
        assertThat(first.getInt("rules.'" + RULE + "'.notApplied")).isZero();
        List<Map<String, Object>> tasks = openTasks().stream().filter(t -> "churn-risk".equals(t.get("type"))).toList();
        assertThat(tasks).hasSize(1);
        long taskId = ((Number) tasks.get(0).get("id")).longValue();
        Api.given().when().get("/api/tasks/" + taskId).then().statusCode(200)
                .body("task.title", equalTo("No login for 20 days"))
                .body("task.assignee", equalTo(owner))
                .body("task.priority", equalTo("HIGH"))
                .body("task.origin.kind", equalTo("rule"))
                .body("task.origin.rule", equalTo(RULE))
                .body("task.origin.runId", equalTo(first.getInt("id")))
                .body("task.origin.ruleBookVersion", notNullValue())
                .body("task.origin.evidence.daysSinceLastLogin", equalTo(20))
                .body("history[0].actor", equalTo("rule:" + RULE));

        JsonPath second = run("apply");
        assertThat(second.getInt("rules.'" + RULE + "'.created")).isZero();
        assertThat(second.getInt("rules.'" + RULE + "'.updated")).isEqualTo(1);
        assertThat(second.getInt("rules.'" + RULE + "'.suppressedByCooldown")).isEqualTo(1); // the notification
        assertThat(openTasks().stream().filter(t -> "churn-risk".equals(t.get("type")))).hasSize(1);
        Api.given().when().get("/api/evaluations/" + second.getLong("id")).then().statusCode(200)
                .body("accountsEvaluated", equalTo(1)).body("finishedAt", notNullValue());
    }

    @Test
    void a_closed_task_is_not_proposed_again_until_the_cooldown_has_passed() {
        run("apply");
        long taskId = openTasks().stream().filter(t -> "churn-risk".equals(t.get("type")))
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
        Api.given().contentType(ContentType.JSON).body(Map.of("outcome", "Customer on holiday"))
                .when().post("/api/tasks/" + taskId + "/complete").then().statusCode(200);
        // The task closed within its cooldown, and the notification was sent within it: neither again.
        assertThat(run("apply").getInt("rules.'" + RULE + "'.suppressedByCooldown")).isEqualTo(2);
        TestClock.advance(Duration.ofDays(15));
        assertThat(run("apply").getInt("rules.'" + RULE + "'.created")).isEqualTo(2);
    }

    @Test
    void a_dry_run_shows_what_would_happen_and_writes_nothing() {
        int runsBefore = Api.given().queryParam("limit", 200).when().get("/api/evaluations").then().extract()
                .jsonPath().getList("").size();
        JsonPath dry = run("dry-run");
        assertThat(dry.getString("id")).isNull();
        assertThat(dry.getInt("rules.'" + RULE + "'.proposed")).isEqualTo(2); // a task and a notification
        assertThat(dry.getList("proposals.findAll { it.rule == '" + RULE + "' }.kind"))
                .containsExactlyInAnyOrder("TASK", "NOTIFICATION");
        assertThat(openTasks()).isEmpty();
        Api.given().queryParam("limit", 200).when().get("/api/evaluations").then()
                .body("size()", equalTo(Math.min(200, runsBefore)));
    }

    @Test
    void two_concurrent_runs_still_leave_one_open_task() {
        CompletableFuture<JsonPath> a = CompletableFuture.supplyAsync(() -> run("apply"));
        CompletableFuture<JsonPath> b = CompletableFuture.supplyAsync(() -> run("apply"));
        int created = a.join().getInt("rules.'" + RULE + "'.created") + b.join().getInt("rules.'" + RULE + "'.created");
        assertThat(created).isEqualTo(2); // one task and one notification: the other run found both there
        assertThat(openTasks().stream().filter(t -> "churn-risk".equals(t.get("type")))).hasSize(1);
    }

    @Test
    void a_scope_must_name_exactly_one_kind_of_target_and_cmes_may_not_run() {
        Api.given().contentType(ContentType.JSON).body(Map.of("scope", Map.of("all", true, "segment", "SMB")))
                .when().post("/api/evaluations").then().statusCode(422).body("errors[0].field", equalTo("scope"));
        Api.given().contentType(ContentType.JSON).body(Map.of("scope", Map.of()))
                .when().post("/api/evaluations").then().statusCode(422);
        Api.given().contentType(ContentType.JSON).body(Map.of("scope", Map.of("accountIds", List.of(account)), "mode", "maybe"))
                .when().post("/api/evaluations").then().statusCode(422);
        Api.as(Api.keyWithRoles(Roles.CME)).contentType(ContentType.JSON)
                .body(Map.of("scope", Map.of("accountIds", List.of(account))))
                .when().post("/api/evaluations").then().statusCode(403);
        Api.as(Api.keyWithRoles(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .body(Map.of("scope", Map.of("accountIds", List.of(account)), "mode", "dry-run"))
                .when().post("/api/evaluations").then().statusCode(200).body("id", nullValue());
        Api.given().when().get("/api/evaluations/987654321").then().statusCode(404);
    }

    @Test
    void explain_shows_the_matching_rule_its_values_and_what_would_happen_and_writes_nothing() {
        JsonPath before = Api.given().when().get("/api/accounts/" + account + "/explain").then().statusCode(200)
                .extract().jsonPath();
        assertThat(before.getList("matched.findAll { it.rule == '" + RULE + "' }.outcome"))
                .contains("would create a task");
        assertThat(before.getInt("matched.find { it.rule == '" + RULE + "' && it.kind == 'TASK' }.evidence.daysSinceLastLogin"))
                .isEqualTo(20);
        assertThat(before.getList("notMatched")).contains("Churn: NPS detractor");
        assertThat(openTasks()).isEmpty();

        run("apply");
        Api.given().when().get("/api/accounts/" + account + "/explain").then().statusCode(200)
                .body("matched.find { it.rule == '" + RULE + "' && it.kind == 'TASK' }.outcome",
                        equalTo("would update the open task with the same key"));
        Api.as(Api.keyWithRoles(Roles.INTEGRATION)).when().get("/api/accounts/" + account + "/explain")
                .then().statusCode(403);
        Api.as(Api.userKey(Api.uniqueName("stranger"), "south", Roles.CME)).when()
                .get("/api/accounts/" + account + "/explain").then().statusCode(404);
        Api.as(Api.userKey(owner, "north", Roles.CME)).when().get("/api/accounts/" + account + "/explain")
                .then().statusCode(200);
    }

    @Test
    void a_task_of_an_auto_resolving_rule_closes_itself_when_the_rule_no_longer_matches() {
        run("apply");
        long taskId = openTasks().stream().filter(t -> "churn-risk".equals(t.get("type")))
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
        String ext = Api.given().when().get("/api/accounts/" + account).then().extract().jsonPath().getString("externalId");
        Api.given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", Api.uniqueName("ev"), "account", ext,
                "type", "login", "userId", "u1", "occurredAt", Instant.now().minusSeconds(60).toString())))
                .when().post("/api/signals/usage-events").then().statusCode(200);
        JsonPath after = run("apply");
        assertThat(after.getInt("autoResolved")).isGreaterThanOrEqualTo(1);
        Api.given().when().get("/api/tasks/" + taskId).then().statusCode(200)
                .body("task.status", equalTo("DONE"))
                .body("task.closedBy", equalTo("system"))
                .body("history[-1].note", equalTo("auto-resolved by run " + after.getLong("id")));
    }
}
