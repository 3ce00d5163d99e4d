package io.cmeautopilot.scheduling;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Schedules are data that ops manage over REST; bad cron, time zones and scopes are refused and change nothing. */
@QuarkusTest
class ScheduleResourceTest {

    static Map<String, Object> schedule(String cron) {
        return Map.of("description", "Weekly renewal pass", "cron", cron, "timeZone", "Europe/Berlin",
                "scope", Map.of("segment", "ENTERPRISE"), "categories", List.of("renewal"));
    }

    @Test
    void the_shipped_defaults_are_listed_with_their_next_firing() {
        Api.given().when().get("/api/schedules").then().statusCode(200)
                .body("name", hasItems("nightly", "hourly-engagement"))
                .body("find { it.name == 'nightly' }.cron", equalTo("0 0 2 * * ?"))
                .body("find { it.name == 'nightly' }.nextFireAt", notNullValue())
                .body("find { it.name == 'hourly-engagement' }.categories", hasItems("churn-prevention", "adoption"));
    }

    @Test
    void a_schedule_is_created_replaced_guarded_by_if_match_and_deleted() {
        String name = Api.uniqueName("weekly").toLowerCase();
        String etag = Api.given().contentType(ContentType.JSON).body(schedule("0 0 6 ? * MON"))
                .when().put("/api/schedules/" + name).then().statusCode(201)
                .body("timeZone", equalTo("Europe/Berlin")).body("enabled", equalTo(true))
                .body("nextFireAt", notNullValue()).body("lastRun", nullValue())
                .extract().header("ETag");
        Api.given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("cron", "0 30 7 ? * MON-FRI", "scope", Map.of("all", true), "enabled", false))
                .when().put("/api/schedules/" + name).then().statusCode(200)
                .body("cron", equalTo("0 30 7 ? * MON-FRI")).body("timeZone", equalTo("UTC"))
                .body("enabled", equalTo(false)).body("nextFireAt", nullValue());
        Api.given().contentType(ContentType.JSON).header("If-Match", etag).body(schedule("0 0 6 ? * MON"))
                .when().put("/api/schedules/" + name).then().statusCode(412).contentType("application/problem+json");
        Api.given().header("If-Match", etag).when().delete("/api/schedules/" + name).then().statusCode(412);
        Api.given().when().delete("/api/schedules/" + name).then().statusCode(204);
        Api.given().when().get("/api/schedules/" + name).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_bad_cron_time_zone_scope_or_name_is_a_422_and_stores_nothing() {
        String name = Api.uniqueName("bad").toLowerCase();
        invalid(name, schedule("0 0 25 * * ?"), "cron");
        invalid(name, schedule("every day at noon"), "cron");
        invalid(name, Map.of("cron", "0 0 2 * * ?", "timeZone", "Mars/Olympus", "scope", Map.of("all", true)), "timeZone");
        invalid(name, Map.of("cron", "0 0 2 * * ?", "scope", Map.of("all", true, "segment", "X")), "scope");
        invalid("Not_A_Name", schedule("0 0 2 * * ?"), "name");
        Api.given().contentType(ContentType.JSON).body(Map.of("cron", "0 0 2 * * ?"))
                .when().put("/api/schedules/" + name).then().statusCode(422).body("errors.field", hasItems("scope"));
        Api.given().contentType(ContentType.JSON).body("{\"cron\": 5, ")
                .when().put("/api/schedules/" + name).then().statusCode(400).contentType("application/problem+json");
        Api.given().when().get("/api/schedules/" + name).then().statusCode(404);
    }

    @Test
    void only_admins_and_ops_manage_schedules() {
        Api.as(Api.keyWithRoles(Roles.CME)).when().get("/api/schedules").then().statusCode(403);
        Api.as(Api.keyWithRoles(Roles.INTEGRATION)).contentType(ContentType.JSON).body(schedule("0 0 2 * * ?"))
                .when().put("/api/schedules/x").then().statusCode(403);
        Api.as(Api.keyWithRoles(Roles.OPS)).when().get("/api/schedules").then().statusCode(200);
        Api.anonymous().when().get("/api/schedules").then().statusCode(401);
    }

    @Test
    void unknown_schedules_are_404() {
        Api.given().when().post("/api/schedules/no-such-schedule/run").then().statusCode(404)
                .body("type", endsWith("not-found"));
    }

    private static void invalid(String name, Map<String, Object> body, String field) {
        Api.given().contentType(ContentType.JSON).body(body).when().put("/api/schedules/" + name).then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", startsWith(field));
    }
}
