package io.cmeautopilot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Quartz really fires schedules (this profile starts it); misfires after downtime fire once, not once per miss. */
@QuarkusTest
@TestProfile(ScheduleFiringTest.QuartzRunning.class)
class ScheduleFiringTest {

    public static class QuartzRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cme.scheduling.enabled", "true",
                    "quarkus.quartz.misfire-threshold", "1s");
        }
    }

    @Inject
    Scheduler quartz;

    String segment = Api.uniqueName("SCHED");
    String owner = Api.uniqueName("owner");

    void an_account_not_seen_for_20_days() {
        String ext = Api.uniqueName("sched-acct");
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", ext, "name", "Scheduled Co", "segment", segment, "owner", owner, "team", owner,
                        "stage", "ESTABLISHED"))
                .when().post("/api/accounts").then().statusCode(201);
        Api.given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", Api.uniqueName("ev"), "account", ext,
                "type", "login", "userId", "u1", "occurredAt", Instant.now().minus(Duration.ofDays(20)).toString())))
                .when().post("/api/signals/usage-events").then().statusCode(200);
    }

    List<Map<String, Object>> runsOf(String schedule) {
        return Api.given().queryParam("limit", 200).when().get("/api/evaluations").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("").stream().filter(r -> schedule.equals(r.get("schedule"))).toList();
    }

    List<Map<String, Object>> runsSince(String schedule, Instant since) {
        return runsOf(schedule).stream().filter(r -> Instant.parse(r.get("startedAt").toString()).isAfter(since)).toList();
    }

    @Test
    void a_schedule_fires_its_rules_of_its_categories_and_firings_never_duplicate_tasks() {
        an_account_not_seen_for_20_days();
        String name = Api.uniqueName("every-2s").toLowerCase();
        Api.given().contentType(ContentType.JSON).body(Map.of("cron", "0/2 * * * * ?",
                "scope", Map.of("segment", segment), "categories", List.of("churn-prevention")))
                .when().put("/api/schedules/" + name).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> runsOf(name).stream()
                .filter(r -> "SUCCEEDED".equals(r.get("status"))).count() >= 2);
        Api.given().contentType(ContentType.JSON).body(Map.of("cron", "0/2 * * * * ?",
                "scope", Map.of("segment", segment), "enabled", false)).when().put("/api/schedules/" + name)
                .then().statusCode(200);

        Map<String, Object> first = runsOf(name).get(runsOf(name).size() - 1);
        assertThat(first.get("trigger")).isEqualTo("schedule");
        assertThat((Map<?, ?>) first.get("rules")).isNotEmpty()
                .allSatisfy((rule, stats) -> assertThat(rule.toString()).startsWith("Churn"));
        List<Object> churnTasks = Api.given().queryParam("limit", 200).when().get("/api/tasks/queues/" + owner).then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.type == 'churn-risk' }");
        assertThat(churnTasks).hasSize(1);
        JsonPath view = Api.given().when().get("/api/schedules/" + name).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("lastRun.status")).isNotNull();
        Api.given().when().delete("/api/schedules/" + name).then().statusCode(204);
    }

    @Test
    void after_downtime_a_schedule_that_missed_several_firings_fires_once_then_keeps_its_rhythm() throws Exception {
        String name = Api.uniqueName("every-5s").toLowerCase();
        Api.given().contentType(ContentType.JSON).body(Map.of("cron", "0/5 * * * * ?", "scope", Map.of("segment", segment)))
                .when().put("/api/schedules/" + name).then().statusCode(201);
        quartz.standby();
        // A firing Quartz began just before standby may still be recording its run: let it finish,
        // then count from there (it happened before the downtime, not during it).
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        Instant down = Instant.now();
        try {
            // Downtime long enough to miss two firings (misfire threshold is 1 s in this profile).
            await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
            assertThat(runsSince(name, down)).isEmpty();
            // Resume just after a firing time, so the next regular firing is seconds away.
            await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(50))
                    .until(() -> LocalTime.now().getSecond() % 5 == 1);
        } finally {
            quartz.start();
        }
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        // Runs since the downtime began: the missed firings make exactly one run.
        assertThat(runsSince(name, down)).hasSize(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> runsSince(name, down).size() >= 2);
        Api.given().when().delete("/api/schedules/" + name).then().statusCode(204);
    }
}
