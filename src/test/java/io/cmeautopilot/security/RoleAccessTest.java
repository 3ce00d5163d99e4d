package io.cmeautopilot.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Per role and endpoint group: 401 without credentials, 403 with the wrong role, success with the
 * right one; and a CME sees only the accounts of their own or their team's book (404 otherwise).
 */
@QuarkusTest
class RoleAccessTest {

    static String alice, bob, carol;    // CMEs: alice and carol in team north, bob in team south
    static String team;
    static long aliceAccount, southAccount, unownedAccount;

    @BeforeEach
    void people_and_accounts() {
        if (alice != null) {
            return;
        }
        team = Api.uniqueName("north");
        String south = Api.uniqueName("south");
        String a = Api.uniqueName("alice"), b = Api.uniqueName("bob"), c = Api.uniqueName("carol");
        alice = Api.userKey(a, team, Roles.CME);
        bob = Api.userKey(b, south, Roles.CME);
        carol = Api.userKey(c, team, Roles.CME);
        aliceAccount = account(Map.of("owner", a, "team", team));
        southAccount = account(Map.of("owner", b, "team", south));
        unownedAccount = account(Map.of());
    }

    static long account(Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("externalId", Api.uniqueName("acct"));
        body.put("name", "Guarded");
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/accounts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void without_credentials_or_with_a_bad_key_every_group_is_401() {
        for (String path : List.of("/api/accounts", "/api/users", "/api/keys", "/api/audit", "/api/session")) {
            Api.anonymous().when().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
        Api.as("cme_not-a-key").when().get("/api/accounts").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_cme_sees_their_own_and_their_teams_accounts_and_nothing_else() {
        Api.as(alice).when().get("/api/accounts/" + aliceAccount).then().statusCode(200);
        Api.as(carol).when().get("/api/accounts/" + aliceAccount).then().statusCode(200);   // same team
        Api.as(bob).when().get("/api/accounts/" + aliceAccount).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(bob).when().get("/api/accounts/" + aliceAccount + "/snapshot").then().statusCode(404);
        Api.as(bob).when().get("/api/accounts/" + aliceAccount + "/subscriptions").then().statusCode(404);
        Api.as(alice).when().get("/api/accounts/" + unownedAccount).then().statusCode(404);
        Api.as(alice).queryParam("limit", 500).when().get("/api/accounts").then().statusCode(200)
                .body("items.id", hasItem((int) aliceAccount))
                .body("items.id", not(hasItem((int) southAccount)))
                .body("items.id", not(hasItem((int) unownedAccount)));
        Api.as(bob).contentType("application/merge-patch+json").body("{\"stage\": \"AT_RISK\"}")
                .when().patch("/api/accounts/" + aliceAccount).then().statusCode(404);
        Api.as(alice).contentType("application/merge-patch+json").body("{\"stage\": \"AT_RISK\"}")
                .when().patch("/api/accounts/" + aliceAccount).then().statusCode(200).body("stage", equalTo("AT_RISK"));
    }

    @Test
    void a_cme_may_not_create_delete_or_ingest() {
        Api.as(alice).contentType(ContentType.JSON).body(Map.of("externalId", "x", "name", "x"))
                .when().post("/api/accounts").then().statusCode(403).contentType("application/problem+json");
        Api.as(alice).when().delete("/api/accounts/" + aliceAccount).then().statusCode(403);
        Api.as(alice).contentType(ContentType.JSON).body("[]").when().post("/api/signals/usage-events")
                .then().statusCode(403);
        Api.as(alice).when().get("/api/users").then().statusCode(403);
    }

    @Test
    void an_integration_pushes_data_but_cannot_administer() {
        String integration = Api.keyWithRoles(Roles.INTEGRATION);
        Api.as(integration).contentType(ContentType.JSON).body(Map.of("name", "Pushed"))
                .when().put("/api/accounts/by-external-id/" + Api.uniqueName("pushed")).then().statusCode(201);
        Api.as(integration).contentType(ContentType.JSON).body("[]").when().post("/api/signals/tickets")
                .then().statusCode(200);
        Api.as(integration).when().get("/api/accounts/" + southAccount).then().statusCode(200);
        Api.as(integration).when().delete("/api/accounts/" + southAccount).then().statusCode(403);
        Api.as(integration).when().get("/api/accounts/" + southAccount + "/snapshot").then().statusCode(403);
        Api.as(integration).when().get("/api/keys").then().statusCode(403);
        Api.as(integration).when().get("/api/audit").then().statusCode(403);
    }

    @Test
    void ops_reads_every_account_and_maintains_data_but_not_security() {
        String ops = Api.keyWithRoles(Roles.OPS);
        Api.as(ops).when().get("/api/accounts/" + southAccount + "/snapshot").then().statusCode(200);
        Api.as(ops).contentType("application/merge-patch+json").body("{\"tier\": \"gold\"}")
                .when().patch("/api/accounts/" + unownedAccount).then().statusCode(200);
        Api.as(ops).contentType(ContentType.JSON).body("[]").when().post("/api/signals/usage-events")
                .then().statusCode(403);
        Api.as(ops).when().delete("/api/accounts/" + unownedAccount).then().statusCode(403);
        Api.as(ops).contentType(ContentType.JSON).body(Map.of("name", "k", "roles", List.of("admin")))
                .when().post("/api/keys").then().statusCode(403);
    }

    @Test
    void metrics_need_ops_or_admin_and_health_is_public() {
        Api.anonymous().when().get("/q/health/ready").then().statusCode(200);
        Api.anonymous().when().get("/q/metrics").then().statusCode(401);
        Api.as(alice).when().get("/q/metrics").then().statusCode(403);
        Api.as(Api.keyWithRoles(Roles.OPS)).when().get("/q/metrics").then().statusCode(200);
    }
}
