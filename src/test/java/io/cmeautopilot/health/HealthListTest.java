package io.cmeautopilot.health;

import static io.cmeautopilot.snapshot.Fixtures.days;
import static io.cmeautopilot.testing.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.snapshot.Fixtures;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Accounts by grade and by largest drop, with cursors; who may see which score; bad input. */
@QuarkusTest
class HealthListTest {

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    @Test
    void lists_by_grade_and_by_largest_drop_page_with_cursors_and_keep_a_cme_to_their_book() {
        String team = Api.uniqueName("team");
        String owner = Api.uniqueName("cme");
        Instant t0 = Instant.now();
        HealthFixture falling = HealthFixture.healthy(t0, owner, team);
        HealthFixture yellow = HealthFixture.healthy(t0, owner, team);
        // 3 critical tickets (30 points), 3 open (87.5), NPS 2 (10): 85.75 - 7 - 0.625 - 9 = 69.12 -> 69 YELLOW
        Fixtures.post("/api/signals/tickets", List.of(Fixtures.ticket(yellow.externalId, "Y1", "opened", "critical", days(t0, -1)),
                Fixtures.ticket(yellow.externalId, "Y2", "opened", "critical", days(t0, -1)),
                Fixtures.ticket(yellow.externalId, "Y3", "opened", "critical", days(t0, -1))));
        Fixtures.post("/api/signals/surveys", List.of(Fixtures.survey(yellow.externalId, "nps", 2, days(t0, -1))));
        scoreNow(falling.id, yellow.id);

        given().queryParam("team", team).queryParam("grade", "YELLOW").when().get("/api/health/accounts").then()
                .statusCode(200).body("items.accountId", equalTo(ids(yellow.id))).body("items[0].score", equalTo(69));
        String cursor = given().queryParam("team", team).queryParam("limit", 1).when().get("/api/health/accounts").then()
                .statusCode(200).body("items.accountId", equalTo(ids(falling.id))).extract().jsonPath().getString("nextCursor");
        given().queryParam("team", team).queryParam("limit", 1).queryParam("cursor", cursor).when().get("/api/health/accounts")
                .then().statusCode(200).body("items.accountId", equalTo(ids(yellow.id))).body("nextCursor", nullValue());

        TestClock.advance(Duration.ofDays(31));
        falling.fall(Instant.now().plus(Duration.ofDays(31)));
        scoreNow(falling.id, yellow.id);
        // yellow 31 days on: no logins (0), no active seats (0), no features (0), no critical ticket in 30 days (100),
        // 3 open (87.5), no errors (100), NPS 2 (10), CSAT 4 (75), no usage (0), renewal (100) -> 34.1 -> 34: -35
        cursor = given().queryParam("team", team).queryParam("limit", 1).when().get("/api/health/drops").then().statusCode(200)
                .body("items.accountId", equalTo(ids(falling.id))).body("items[0].delta30d", equalTo(-57))
                .extract().jsonPath().getString("nextCursor");
        given().queryParam("team", team).queryParam("limit", 1).queryParam("cursor", cursor).when().get("/api/health/drops")
                .then().statusCode(200).body("items.accountId", equalTo(ids(yellow.id)))
                .body("items[0].delta30d", equalTo(-35)).body("nextCursor", nullValue());
        given().queryParam("team", team).queryParam("minDrop", 40).when().get("/api/health/drops").then().statusCode(200)
                .body("items.accountId", equalTo(ids(falling.id)));

        String mine = Api.userKey(owner, null, Roles.CME);
        String stranger = Api.userKey(Api.uniqueName("cme"), Api.uniqueName("team"), Roles.CME);
        Api.as(mine).when().get("/api/health/drops").then().statusCode(200)
                .body("items.accountId", equalTo(ids(falling.id, yellow.id)));
        Api.as(stranger).queryParam("team", team).when().get("/api/health/drops").then().statusCode(200)
                .body("items", equalTo(List.of()));
        for (String path : List.of("", "/history", "/changes", "/report", "/report.html")) {
            Api.as(mine).when().get("/api/accounts/" + falling.id + "/health" + path).then().statusCode(200);
            Api.as(stranger).when().get("/api/accounts/" + falling.id + "/health" + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        String integration = Api.keyWithRoles(Roles.INTEGRATION);
        Api.as(integration).when().get("/api/accounts/" + falling.id + "/health").then().statusCode(200);
        Api.as(integration).when().get("/api/accounts/" + falling.id + "/health/report").then().statusCode(403);
    }

    @Test
    void bad_input_gets_a_problem_and_changes_nothing() {
        long id = Fixtures.account(Map.of());
        given().when().get("/api/accounts/" + id + "/health").then().statusCode(404).body("type", equalTo(
                "https://cme-autopilot.io/problems/not-scored")).body("detail", equalTo("account " + id + " has no health score yet"));
        given().when().get("/api/accounts/999999999/health").then().statusCode(404)
                .body("type", equalTo("https://cme-autopilot.io/problems/not-found"));
        given().queryParam("from", "2026-13-01").when().get("/api/accounts/" + id + "/health/history").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2026-10-02").queryParam("to", "2026-10-01").when().get("/api/accounts/" + id + "/health/history")
                .then().statusCode(422).body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2026-10-01").queryParam("to", "2026-10-01").when().get("/api/accounts/" + id + "/health/changes")
                .then().statusCode(422);
        given().queryParam("grade", "PURPLE").when().get("/api/health/accounts").then().statusCode(422)
                .body("errors[0].field", equalTo("grade"));
        given().queryParam("limit", 0).when().get("/api/health/accounts").then().statusCode(422);
        given().queryParam("cursor", "not-ours").when().get("/api/health/drops").then().statusCode(400);
        given().queryParam("minDrop", 0).when().get("/api/health/drops").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("all", true, "accountIds", List.of(id)))
                .when().post("/api/health/scores").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/health/scores").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("acountIds", List.of(id))).when().post("/api/health/scores")
                .then().statusCode(400);
        given().when().get("/api/accounts/" + id + "/health").then().statusCode(404);
    }

    /** Ids as they come back in JSON (numbers small enough to be ints). */
    private static List<Integer> ids(long... ids) {
        return java.util.Arrays.stream(ids).mapToInt(Math::toIntExact).boxed().toList();
    }

    private static void scoreNow(long... ids) {
        given().contentType(ContentType.JSON).body(Map.of("accountIds", java.util.Arrays.stream(ids).boxed().toList()))
                .when().post("/api/health/scores").then().statusCode(200).body("scored", equalTo(ids.length));
    }
}
