package io.cmeautopilot.tasks.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.tasks.RuleTask;
import io.cmeautopilot.tasks.RuleTaskWriter;
import io.cmeautopilot.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Who gets a new task: the account owner first, else the team's strategy; and reassigning to a team. */
@QuarkusTest
class TeamAssignmentTest {

    @Inject
    RuleTaskWriter writer;

    String team;
    List<String> members;   // sorted user names: a-, b-, c- prefixes keep the order predictable

    @BeforeEach
    void a_team_of_three_cmes_plus_people_who_must_never_be_dealt_work() {
        team = Api.uniqueName("deal");
        String suffix = Api.uniqueName("");
        members = List.of("a" + suffix, "b" + suffix, "c" + suffix);
        members.forEach(m -> Api.userKey(m, team, Roles.CME));
        Api.userKey("d-ops" + suffix, team, Roles.OPS);
        Api.userKey("e-off" + suffix, team, Roles.CME);
        Api.given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.CME), "team", team, "disabled", true))
                .when().put("/api/users/e-off" + suffix).then().statusCode(200);
    }

    void settings(String strategy) {
        Api.given().contentType(ContentType.JSON).body(Map.of("strategy", strategy, "lead", members.get(0)))
                .when().put("/api/teams/" + team).then().statusCode(anyOf201or200());
    }

    static org.hamcrest.Matcher<Integer> anyOf201or200() {
        return org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201));
    }

    long account(String owner) {
        Map<String, Object> body = new HashMap<>(Map.of("externalId", Api.uniqueName("acct"), "name", "Dealt", "team", team));
        if (owner != null) {
            body.put("owner", owner);
        }
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/accounts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    JsonPath task(long account, String priority) {
        return Api.given().contentType(ContentType.JSON)
                .body(Map.of("accountId", account, "type", "custom", "title", "Work", "priority", priority))
                .when().post("/api/tasks").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void team_settings_are_created_read_guarded_by_version_and_removed() {
        Api.given().contentType(ContentType.JSON).body(Map.of("strategy", "round-robin", "lead", members.get(0),
                "email", "team@example.com")).when().put("/api/teams/" + team).then().statusCode(201)
                .header("ETag", "\"0\"").body("strategy", equalTo("round-robin"))
                .body("members", equalTo(members));
        Api.given().contentType(ContentType.JSON).body(Map.of("strategy", "least-loaded")).header("If-Match", "\"7\"")
                .when().put("/api/teams/" + team).then().statusCode(412);
        Api.given().contentType(ContentType.JSON).body(Map.of("strategy", "lottery"))
                .when().put("/api/teams/" + team).then().statusCode(422).body("errors[0].field", equalTo("strategy"));
        Api.given().when().get("/api/teams/" + team).then().statusCode(200).body("strategy", equalTo("round-robin"))
                .body("email", equalTo("team@example.com"));
        Api.given().when().get("/api/teams").then().statusCode(200).body("name", hasItem(team));

        String member = Api.userKey(Api.uniqueName("member"), team, Roles.CME);
        String outsider = Api.userKey(Api.uniqueName("outsider"), Api.uniqueName("other"), Roles.CME);
        Api.as(member).when().get("/api/teams/" + team).then().statusCode(200);
        Api.as(outsider).when().get("/api/teams/" + team).then().statusCode(404);
        Api.as(member).contentType(ContentType.JSON).body(Map.of("strategy", "owner-only"))
                .when().put("/api/teams/" + team).then().statusCode(403);

        Api.given().header("If-Match", "\"0\"").when().delete("/api/teams/" + team).then().statusCode(204);
        Api.given().when().get("/api/teams/" + team).then().statusCode(404);
        Api.given().when().delete("/api/teams/" + team).then().statusCode(404);
    }

    @Test
    void the_account_owner_comes_first_whatever_the_strategy() {
        settings("round-robin");
        String owner = members.get(2);
        assertThat(task(account(owner), "NORMAL").getString("assignee")).isEqualTo(owner);
    }

    @Test
    void without_an_owner_round_robin_deals_members_in_turn_and_skips_disabled_and_non_cme_users() {
        settings("round-robin");
        long account = account(null);
        List<String> dealt = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            dealt.add(task(account, "NORMAL").getString("assignee"));
        }
        assertThat(dealt).containsExactly(members.get(0), members.get(1), members.get(2), members.get(0),
                members.get(1), members.get(2));
    }

    @Test
    void least_loaded_deals_to_the_member_with_the_least_open_work_weighted_by_priority() {
        settings("least-loaded");
        task(account(members.get(0)), "URGENT");                       // a: 8
        long bobs = account(members.get(1));
        for (int i = 0; i < 3; i++) {
            task(bobs, "LOW");                                          // b: 3
        }
        task(account(members.get(2)), "HIGH");                         // c: 4
        JsonPath dealt = task(account(null), "NORMAL");
        assertThat(dealt.getString("assignee")).isEqualTo(members.get(1));  // b: 3 + 2 = 5
        assertThat(task(account(null), "NORMAL").getString("assignee")).isEqualTo(members.get(2)); // c: 4 < 5 < 8
        Api.given().when().get("/api/tasks/" + dealt.getLong("id")).then()
                .body("history[1].change", equalTo("assignee")).body("history[1].to", equalTo(members.get(1)))
                .body("history[1].note", equalTo("dealt by the team's strategy"));
    }

    @Test
    void owner_only_or_no_settings_leaves_an_ownerless_task_in_the_queue() {
        assertThat(task(account(null), "NORMAL").getString("assignee")).isNull();
        settings("owner-only");
        assertThat(task(account(null), "NORMAL").getString("assignee")).isNull();
        Api.as(Api.userKey(Api.uniqueName("claimer"), team, Roles.CME)).when()
                .post("/api/tasks/queues/" + team + "/claim").then().statusCode(200);
    }

    @Test
    void a_rule_task_for_an_ownerless_account_is_dealt_by_the_strategy() {
        settings("round-robin");
        long account = account(null);
        for (int i = 0; i < 2; i++) {
            String key = Api.uniqueName("key");
            QuarkusTransaction.requiringNew().run(() -> writer.write(new RuleTask(account, "custom", "Rule work", null,
                    Priority.NORMAL, null, "Test rule", "v1", 0, Map.of(), key, null)));
        }
        List<String> dealt = Api.given().queryParam("accountId", account).when().get("/api/tasks/queues/" + team)
                .then().statusCode(200).extract().jsonPath().getList("items.assignee");
        assertThat(dealt).containsExactlyInAnyOrder(members.get(0), members.get(1));
    }

    @Test
    void reassigning_to_a_team_deals_by_its_strategy_or_puts_the_task_back_in_its_queue() {
        settings("round-robin");
        long id = task(account(members.get(2)), "NORMAL").getLong("id");
        Api.given().contentType(ContentType.JSON).body(Map.of("team", team)).when()
                .post("/api/tasks/" + id + "/reassign").then().statusCode(200).body("assignee", equalTo(members.get(0)));
        settings("owner-only");
        Api.given().contentType(ContentType.JSON).body(Map.of("team", team)).when()
                .post("/api/tasks/" + id + "/reassign").then().statusCode(200).body("assignee", nullValue());
        Api.given().contentType(ContentType.JSON).body(Map.of("assignee", members.get(1))).when()
                .post("/api/tasks/" + id + "/reassign").then().statusCode(200).body("assignee", equalTo(members.get(1)));
        Api.given().when().get("/api/tasks/" + id).then()
                .body("history.findAll { it.change == 'assignee' }.to", equalTo(java.util.Arrays.asList(
                        members.get(0), null, members.get(1))))
                .body("history.findAll { it.change == 'assignee' }.from", equalTo(java.util.Arrays.asList(
                        members.get(2), members.get(0), null)))
                .body("history.findAll { it.change == 'assignee' }[1].note", equalTo("back to the team's queue"));
    }

    @Test
    void concurrent_round_robin_deals_are_exactly_fair() throws Exception {
        settings("round-robin");
        assertThat(dealConcurrently(48)).containsOnly(Map.entry(members.get(0), 16L), Map.entry(members.get(1), 16L),
                Map.entry(members.get(2), 16L));
    }

    @Test
    void concurrent_least_loaded_deals_never_use_a_stale_count() throws Exception {
        settings("least-loaded");
        assertThat(dealConcurrently(30)).containsOnly(Map.entry(members.get(0), 10L), Map.entry(members.get(1), 10L),
                Map.entry(members.get(2), 10L));
    }

    /** Creates tasks for ownerless accounts from 16 threads at once; answers how many each member got. */
    private Map<String, Long> dealConcurrently(int tasks) throws Exception {
        long account = account(null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            results.add(pool.submit(() -> task(account, "NORMAL").getString("assignee")));
        }
        Map<String, Long> counts = new ConcurrentHashMap<>();
        for (Future<String> result : results) {
            counts.merge(result.get(), 1L, Long::sum);
        }
        pool.shutdown();
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
