package io.cmeautopilot.health;

import static io.cmeautopilot.testing.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.snapshot.Fixtures;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Scores stored per day, the 30-day delta with a moved clock, what the snapshot and the rules see, the daily pass. */
@QuarkusTest
class HealthScoringTest {

    @Inject
    HealthScoringJob job;
    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    static void score(long accountId) {
        given().contentType(ContentType.JSON).body(Map.of("accountIds", List.of(accountId)))
                .when().post("/api/health/scores").then().statusCode(200);
    }

    @Test
    void a_fall_over_30_days_is_stored_as_history_seen_by_the_snapshot_and_turns_the_rule_red() {
        String team = Api.uniqueName("team");
        Instant t0 = Instant.now();
        HealthFixture account = HealthFixture.healthy(t0, "hs-owner", team);
        score(account.id);
        given().when().get("/api/accounts/" + account.id + "/health").then().statusCode(200)
                .body("score", equalTo(HealthFixture.HEALTHY_SCORE)).body("grade", equalTo("GREEN"))
                .body("delta30d", nullValue()).body("coverage", equalTo(1.0f)).body("missing", equalTo(List.of()))
                .body("measures.find { it.id == 'feature-adoption' }.points", equalTo(73.33f))
                .body("measures.find { it.id == 'feature-adoption' }.contribution", equalTo(11.0f))
                .body("measures.find { it.id == 'login-trend' }.value", equalTo(0.0f));

        TestClock.advance(Duration.ofDays(31));
        Instant t1 = Instant.now().plus(Duration.ofDays(31));
        account.fall(t1);
        score(account.id);
        score(account.id); // the same day again: replaces the day's row
        int delta = HealthFixture.FALLEN_SCORE - HealthFixture.HEALTHY_SCORE;
        given().when().get("/api/accounts/" + account.id + "/health").then().statusCode(200)
                .body("score", equalTo(HealthFixture.FALLEN_SCORE)).body("grade", equalTo("RED"))
                .body("delta30d", equalTo(delta));

        JsonPath now = Fixtures.snapshot(account.id, t1.plusSeconds(60));
        assertThat(now.getDouble("account.healthScore")).isEqualTo(HealthFixture.FALLEN_SCORE);
        assertThat(now.getString("account.healthGrade")).isEqualTo("RED");
        assertThat(now.getDouble("account.healthDelta30d")).isEqualTo(delta);
        JsonPath then = Fixtures.snapshot(account.id, t0.plus(Duration.ofHours(1)));
        assertThat(then.getDouble("account.healthScore")).isEqualTo(HealthFixture.HEALTHY_SCORE);
        assertThat(then.getString("account.healthDelta30d")).isNull();
        assertThat(Fixtures.snapshot(account.id, t0.minus(Duration.ofHours(1))).getString("account.healthScore")).isNull();

        LocalDate d0 = LocalDate.ofInstant(t0, ZoneOffset.UTC);
        LocalDate d1 = LocalDate.ofInstant(t1, ZoneOffset.UTC);
        given().queryParam("from", d0.toString()).queryParam("to", d1.toString())
                .when().get("/api/accounts/" + account.id + "/health/history").then().statusCode(200)
                .body("score", equalTo(List.of(HealthFixture.HEALTHY_SCORE, HealthFixture.FALLEN_SCORE)))
                .body("day", equalTo(List.of(d0.toString(), d1.toString())))
                .body("[0].measures", nullValue());
        given().queryParam("from", d0.toString()).queryParam("to", d1.toString())
                .when().get("/api/accounts/" + account.id + "/health/changes").then().statusCode(200)
                .body("change", equalTo(delta))
                .body("moved.id", equalTo(List.of("login-trend", "feature-adoption", "usage-vs-limit", "nps",
                        "critical-tickets", "active-seats", "open-tickets")))
                .body("moved[0].contributionChange", equalTo(-12.0f))
                .body("summary", equalTo("Score fell 57 points (86 on " + d0 + ", 29 on " + d1 + "), mostly "
                        + "Logins (30 days against the 30 before) -12.0, Features in use (of those in the plan) -11.0, "
                        + "Usage against the plan limit (30 days) -10.0"));

        given().contentType(ContentType.JSON).body(Map.of("scope", Map.of("accountIds", List.of(account.id))))
                .when().post("/api/evaluations").then().statusCode(200);
        assertThat(given().queryParam("accountId", account.id).when().get("/api/tasks/queues/" + team)
                .then().statusCode(200).extract().jsonPath().getList("items.title"))
                .contains("Health turned red (score 29, -57 in 30 days)");
    }

    @Test
    void the_daily_pass_runs_once_a_day_on_one_node_and_stores_unscorable_accounts_as_such() throws Exception {
        TestClock.advance(Duration.ofDays(2000)); // a day no other test has scored
        long bare = Fixtures.account(Map.of("segment", "SMB"));

        HealthScoring.Outcome first = job.runIfDue().orElseThrow();
        assertThat(first.scored() + first.unscored()).isPositive();
        assertThat(first.unscored()).isPositive();
        given().when().get("/api/accounts/" + bare + "/health").then().statusCode(200)
                .body("score", nullValue()).body("grade", nullValue()).body("coverage", equalTo(0.15f))
                .body("note", equalTo("not scored: only 15% of the scorecard's weight had data (missing: login-trend, "
                        + "active-seats, feature-adoption, error-trend, nps, csat, usage-vs-limit, renewal-runway)"));
        assertThat(job.runIfDue()).isEmpty(); // today's pass is done

        TestClock.advance(Duration.ofDays(1));
        try (Connection otherNode = dataSource.getConnection(); Statement s = otherNode.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + ScoringPasses.LOCK_KEY + ")");
            assertThat(job.runIfDue()).isEmpty(); // another node is scoring
            s.execute("SELECT pg_advisory_unlock(" + ScoringPasses.LOCK_KEY + ")");
        }
        assertThat(job.runIfDue()).isPresent();
        assertThat(given().queryParam("from", "2000-01-01").queryParam("to", LocalDate.now().plusDays(2100).toString())
                .when().get("/api/accounts/" + bare + "/health/history").then().statusCode(422)
                .extract().jsonPath().getString("errors[0].field")).isEqualTo("from");
        LocalDate today = LocalDate.ofInstant(Instant.now().plus(Duration.ofDays(2001)), ZoneOffset.UTC);
        given().queryParam("from", today.minusDays(5).toString()).queryParam("to", today.toString())
                .when().get("/api/accounts/" + bare + "/health/history").then().statusCode(200)
                .body("size()", equalTo(2));
    }
}
