package io.cmeautopilot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The team lead's view: load per CME, the team's queue, bulk hand-over (all or none), settings for ops. */
@QuarkusTest
class TeamPageTest {

    String team;
    String lead;
    String carl;
    long account;

    @BeforeEach
    void team() {
        team = Api.uniqueName("team");
        lead = ConsoleClient.person("lena", team, Roles.CME);
        carl = ConsoleClient.person("carl", team, Roles.CME);
        Api.given().contentType(ContentType.JSON).body(Map.of("lead", lead, "strategy", "owner-only"))
                .when().put("/api/teams/" + team).then().statusCode(201);
        account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("acct"), "name", "Hooli", "owner", carl, "team", team))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long task(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "type", "renewal", "title", "Renew"));
        body.putAll(fields);
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/tasks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void the_lead_lands_on_their_team_and_sees_each_cme_s_weighted_load() {
        task(Map.of("priority", "URGENT"));
        task(Map.of("priority", "LOW", "dueAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()));
        task(Map.of("team", team, "title", "nobody's"));
        ConsoleClient client = ConsoleClient.login(lead);
        assertThat(client.get("/console").header("Location")).endsWith("/console/teams/" + team);
        Document page = client.page("/console/teams/" + team);
        assertThat(page.select("#load tr[data-member=" + carl + "] td").eachText()).containsExactly(carl, "2", "9", "9", "1");
        assertThat(page.select("#load tr[data-member=" + lead + "] .weighted").text()).isEqualTo("0");
        assertThat(page.select("#unassigned").text()).startsWith("1 unassigned");
        assertThat(page.select("#team-queue tbody tr")).hasSize(3);
        assertThat(page.select("#settings")).as("settings are for ops").isEmpty();
        assertThat(client.get("/console/teams/" + Api.uniqueName("other")).statusCode()).isEqualTo(404);
    }

    @Test
    void bulk_hand_over_moves_all_ticked_tasks_or_none() {
        long a = task(Map.of("title", "a"));
        long b = task(Map.of("title", "b"));
        ConsoleClient client = ConsoleClient.login(lead);
        client.page("/console/teams/" + team);
        Api.given().contentType(ContentType.JSON).body(Map.of("text", "changed meanwhile"))
                .post("/api/tasks/" + b + "/comments").then().statusCode(200);
        Response stale = client.submit("/console/teams/" + team + "/reassign",
                Map.of("task", List.of(a + ":0", b + ":0"), "assignee", lead));
        assertThat(stale.statusCode()).isEqualTo(412);
        Api.given().get("/api/tasks/" + a).then().body("task.assignee", org.hamcrest.Matchers.equalTo(carl));
        Response moved = client.submit("/console/teams/" + team + "/reassign",
                Map.of("task", List.of(a + ":0", b + ":1"), "assignee", lead));
        assertThat(moved.statusCode()).isEqualTo(303);
        Api.given().get("/api/tasks/" + a).then().body("task.assignee", org.hamcrest.Matchers.equalTo(lead));
        Api.given().get("/api/tasks/" + b).then().body("task.assignee", org.hamcrest.Matchers.equalTo(lead));
        Response none = client.submit("/console/teams/" + team + "/reassign", Map.of("assignee", lead));
        assertThat(Jsoup.parse(none.asString()).select(".field-errors li[data-field=task]").text()).contains("tick at least one");
    }

    @Test
    void ops_change_the_team_s_settings_and_bad_input_is_refused() {
        String olga = ConsoleClient.person("olga", null, Roles.OPS);
        ConsoleClient client = ConsoleClient.login(olga);
        Document page = client.page("/console/teams/" + team);
        String version = page.selectFirst("#settings input[name=version]").val();
        Response bad = client.submit("/console/teams/" + team + "/settings",
                Map.of("version", version, "strategy", "round-robin", "email", "not an address"));
        assertThat(bad.statusCode()).isEqualTo(422);
        Response saved = client.submit("/console/teams/" + team + "/settings",
                Map.of("version", version, "strategy", "least-loaded", "lead", lead, "email", "team@example.com"));
        assertThat(saved.statusCode()).isEqualTo(303);
        Api.given().get("/api/teams/" + team).then().body("strategy", org.hamcrest.Matchers.equalTo("least-loaded"));
        assertThat(client.page("/console/teams").select("#teams a").eachText()).contains(team);
        String alice = ConsoleClient.person("alice", team, Roles.CME);
        ConsoleClient cme = ConsoleClient.login(alice);
        cme.page("/console/teams/" + team);
        assertThat(cme.submit("/console/teams/" + team + "/settings", Map.of("strategy", "owner-only")).statusCode())
                .isEqualTo(403);
    }
}
