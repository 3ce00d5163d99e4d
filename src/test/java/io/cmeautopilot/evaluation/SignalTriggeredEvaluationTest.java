package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** New signals get their account evaluated within seconds, without anybody starting a run. */
@QuarkusTest
@TestProfile(SignalTriggeredEvaluationTest.DirtyAccountsOn.class)
class SignalTriggeredEvaluationTest {

    public static class DirtyAccountsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cme.evaluation.dirty-interval", "1s", "cme.evaluation.dirty-debounce", "PT1S");
        }
    }

    @Test
    void a_signal_gets_its_account_evaluated_within_seconds() {
        String team = Api.uniqueName("team");
        String ext = Api.uniqueName("signalled");
        long account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", ext, "name", "Signalled", "owner", "someone", "team", team, "stage", "ESTABLISHED"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", Api.uniqueName("ev"), "account", ext,
                "type", "login", "userId", "u1", "occurredAt", Instant.now().minus(Duration.ofDays(20)).toString())))
                .when().post("/api/signals/usage-events").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Api.given().queryParam("accountId", account).when().get("/api/tasks/queues/" + team)
                        .then().statusCode(200).extract().jsonPath().getList("items.title"))
                        .contains("No login for 20 days"));
        List<Map<String, Object>> runs = Api.given().when().get("/api/evaluations").then().extract().jsonPath().getList("");
        assertThat(runs).anyMatch(r -> "signals".equals(r.get("trigger")) && "system".equals(r.get("requestedBy")));
    }
}
