package io.cmeautopilot.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
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

/** GET /api/tasks: tasks across queues for ops and team leads, filtered, paged, scoped like the queues. */
@QuarkusTest
class TaskListTest {

    String team;
    String otherTeam;
    String aliceName;
    String alice;
    long account;
    long otherAccount;

    @BeforeEach
    void data() {
        team = Api.uniqueName("team");
        otherTeam = Api.uniqueName("team");
        aliceName = Api.uniqueName("alice");
        alice = Api.userKey(aliceName, team, Roles.CME);
        account = account(aliceName, team);
        otherAccount = account(null, otherTeam);
    }

    long account(String owner, String team) {
        Map<String, Object> body = new HashMap<>(Map.of("externalId", Api.uniqueName("acct"), "name", "A", "team", team));
        if (owner != null) {
            body.put("owner", owner);
        }
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/accounts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    long task(long accountId, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", accountId, "type", "renewal", "title", "t"));
        body.putAll(fields);
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/tasks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    JsonPath list(String key, Map<String, Object> query) {
        return Api.as(key).queryParams(query).when().get("/api/tasks").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void ops_filter_tasks_across_queues_by_team_assignee_type_and_unassigned() {
        long mine = task(account, Map.of("title", "alice's", "priority", "HIGH"));
        long queued = task(account, Map.of("title", "queued", "team", team, "type", "onboarding"));
        long elsewhere = task(otherAccount, Map.of("title", "other team", "team", otherTeam));
        String ops = Api.keyWithRoles(Roles.OPS);
        assertThat(list(ops, Map.of("team", team)).getList("items.id", Long.class)).containsExactly(mine, queued);
        assertThat(list(ops, Map.of("team", team, "unassigned", true)).getList("items.id", Long.class)).containsExactly(queued);
        assertThat(list(ops, Map.of("assignee", aliceName)).getList("items.id", Long.class)).containsExactly(mine);
        assertThat(list(ops, Map.of("team", otherTeam)).getList("items.id", Long.class)).containsExactly(elsewhere);
        assertThat(list(ops, Map.of("team", team, "type", "onboarding")).getList("items.id", Long.class)).containsExactly(queued);
        assertThat(list(ops, Map.of("accountId", otherAccount)).getList("items.id", Long.class)).containsExactly(elsewhere);
        assertThat(list(ops, Map.of("team", team, "status", "DONE")).getList("items")).isEmpty();
    }

    @Test
    void a_cme_sees_only_their_own_tasks_and_their_team_queue() {
        long mine = task(account, Map.of());
        long queued = task(account, Map.of("team", team));
        task(otherAccount, Map.of("team", otherTeam));
        assertThat(list(alice, Map.of()).getList("items.id", Long.class)).containsExactlyInAnyOrder(mine, queued);
        assertThat(list(alice, Map.of("team", otherTeam)).getList("items")).isEmpty();
        assertThat(list(alice, Map.of("accountId", otherAccount)).getList("items")).isEmpty();
        Api.as(Api.keyWithRoles(Roles.INTEGRATION)).when().get("/api/tasks").then().statusCode(403);
    }

    @Test
    void the_list_pages_with_a_stable_cursor_and_checks_its_input() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(task(account, Map.of("team", team)));
        }
        String ops = Api.keyWithRoles(Roles.OPS);
        JsonPath first = list(ops, Map.of("team", team, "limit", 3));
        JsonPath second = list(ops, Map.of("team", team, "limit", 3, "cursor", first.getString("nextCursor")));
        List<Long> seen = new ArrayList<>(first.getList("items.id", Long.class));
        seen.addAll(second.getList("items.id", Long.class));
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(second.getString("nextCursor")).isNull();
        Api.as(ops).queryParam("unassigned", true).queryParam("assignee", aliceName).when().get("/api/tasks").then()
                .statusCode(422).body("errors[0].field", equalTo("unassigned"));
        Api.as(ops).queryParam("limit", 0).when().get("/api/tasks").then().statusCode(422);
        Api.as(ops).queryParam("cursor", "garbage").when().get("/api/tasks").then().statusCode(400);
    }
}
