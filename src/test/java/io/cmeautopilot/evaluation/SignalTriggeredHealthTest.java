package io.cmeautopilot.evaluation;

import static io.cmeautopilot.testing.Api.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.health.HealthFixture;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/** Accounts with new signals get their health scored before their rules run, so the rules see the fresh score. */
@QuarkusTest
class SignalTriggeredHealthTest {

    @Inject
    DirtyAccountEvaluator evaluator;

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    @Test
    void a_round_of_accounts_with_new_signals_scores_their_health() {
        HealthFixture account = HealthFixture.healthy(Instant.now(), "dirty-owner", Api.uniqueName("team"));
        given().when().get("/api/accounts/" + account.id + "/health").then().statusCode(404);

        TestClock.advance(Duration.ofMinutes(1)); // the signals' debounce has passed
        // Rounds take the oldest marks first: go on until every mark of the suite so far is taken.
        while (evaluator.runOnce() > 0) {
            // next round
        }
        given().when().get("/api/accounts/" + account.id + "/health").then().statusCode(200)
                .body("score", equalTo(HealthFixture.HEALTHY_SCORE));
    }
}
