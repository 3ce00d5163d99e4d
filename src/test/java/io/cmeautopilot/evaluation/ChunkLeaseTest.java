package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A node that claimed a chunk and died (or hung past its lease) loses it: another node takes it
 * over, applies it once, and the late node's work is refused and rolled back.
 */
@QuarkusTest
class ChunkLeaseTest {

    @Inject
    EvaluationRuns runs;
    @Inject
    ChunkStore chunks;
    @Inject
    ChunkProcessor processor;
    @Inject
    ChunkWorker worker;
    @Inject
    RunFinisher finisher;
    @Inject
    RunBooks books;
    @Inject
    Clock clock;

    @Test
    void a_chunk_whose_lease_ran_out_is_taken_over_and_applied_exactly_once() {
        String team = Api.uniqueName("lease");
        String ext = Api.uniqueName("lease-acct");
        long account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", ext, "name", "Lease Co", "owner", "o-" + team, "team", team, "stage", "ESTABLISHED"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", Api.uniqueName("ev"), "account", ext,
                "type", "login", "userId", "u1", "occurredAt", Instant.now().minus(Duration.ofDays(20)).toString())))
                .when().post("/api/signals/usage-events").then().statusCode(200);
        Instant now = clock.instant();
        EvaluationRequest request = new EvaluationRequest(EvaluationRequest.Scope.of(List.of(account)), "apply");
        // An inline run: no poller takes its pending chunks while its node lives.
        long runId = runs.start(new EvaluationRuns.NewRun(request, "test", "test", books.current().version(), now, now,
                RuleSelection.ALL, null, null, true), 3);

        Chunk dying = chunks.claim(runId, "node-that-dies", Duration.ZERO).orElseThrow();
        Chunk takenOver = chunks.claim(runId, "node-that-lives", Duration.ofMinutes(5)).orElseThrow();
        assertThat(takenOver.seq()).isEqualTo(dying.seq());
        assertThat(takenOver.attempt()).isEqualTo(2);

        EvaluationRun run = runs.find(runId).orElseThrow();
        processor.process(takenOver, run, "node-that-lives");
        assertThatThrownBy(() -> processor.process(dying, run, "node-that-dies"))
                .isInstanceOf(ChunkProcessor.ChunkLost.class);
        finisher.tryFinish(runId); // or this node's poller got there first: either way the run is finished once

        RunView view = runs.view(runId).orElseThrow();
        assertThat(view.status()).isEqualTo("SUCCEEDED");
        assertThat(view.rules().get("Churn: no login for 14 days").created()).isEqualTo(2); // the task and the notification
        Api.given().queryParam("accountId", account).when().get("/api/tasks/queues/" + team).then().statusCode(200)
                .body("items.findAll { it.type == 'churn-risk' }.size()", equalTo(1));
        Api.given().queryParam("accountId", account).when().get("/api/notify/messages").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].eventType", equalTo("rule.notification"));
        assertThat(chunks.claim(runId, "node-that-lives", Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void a_chunk_that_keeps_failing_is_given_up_after_its_attempts_and_fails_the_run() {
        Instant now = clock.instant();
        EvaluationRequest request = new EvaluationRequest(EvaluationRequest.Scope.of(List.of(1L)), "apply");
        // A version no node knows and no history holds: every attempt fails the same way.
        long runId = runs.start(new EvaluationRuns.NewRun(request, "test", "test", "f".repeat(64), now, now,
                RuleSelection.ALL, null, null, true), 3);
        worker.drain(runId);
        finisher.tryFinish(runId);
        RunView view = runs.view(runId).orElseThrow();
        assertThat(view.status()).isEqualTo("FAILED");
        assertThat(view.progress().chunksFailed()).isEqualTo(1);
        assertThat(view.failures()).anyMatch(f -> String.valueOf(f.get("error")).contains("is not known on this node"));
        assertThat(view.error()).contains("1 chunk(s) failed");
    }

    @Test
    void a_chunk_taken_over_gets_the_max_per_run_share_its_lost_attempt_reserved() throws Exception {
        String segment = Api.uniqueName("SHARE");
        List<Long> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accounts.add(Api.given().contentType(ContentType.JSON)
                    .body(Map.of("externalId", Api.uniqueName("share"), "name", "Share " + i, "segment", segment))
                    .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        Path rule = RulesDirectoryTestResource.DIR.resolve("zz-share.drl");
        try {
            Files.writeString(rule, """
                    package rules.share
                    import io.cmeautopilot.rules.api.*
                    rule "Shared budget" @category("test") @maxPerRun(2)
                    when
                        $a : AccountFact( segment == "%s" )
                    then
                        insert(Task.forAccount($a).type("custom").title("Within budget").build());
                    end
                    """.formatted(segment));
            Api.given().when().post("/api/rules/reload").then().statusCode(200).body("result", equalTo("ACTIVATED"));
            Instant now = clock.instant();
            EvaluationRequest request = new EvaluationRequest(EvaluationRequest.Scope.of(accounts), "apply");
            long runId = runs.start(new EvaluationRuns.NewRun(request, "test", "test", books.current().version(), now,
                    now, RuleSelection.ALL, null, null, true), 3);
            Chunk dying = chunks.claim(runId, "node-that-dies", Duration.ZERO).orElseThrow();
            Chunk takenOver = chunks.claim(runId, "node-that-lives", Duration.ofMinutes(5)).orElseThrow();
            EvaluationRun run = runs.find(runId).orElseThrow();

            // The late node reserves its share of the budget, then finds its chunk gone: its writes roll back...
            assertThatThrownBy(() -> processor.process(dying, run, "node-that-dies"))
                    .isInstanceOf(ChunkProcessor.ChunkLost.class);
            // ...and the chunk's new owner gets the same share again instead of what the lost attempt left over.
            processor.process(takenOver, run, "node-that-lives");
            finisher.tryFinish(runId);

            RunView view = runs.view(runId).orElseThrow();
            assertThat(view.rules().get("Shared budget").created()).isEqualTo(2);
            assertThat(view.rules().get("Shared budget").tripped()).isEqualTo(1);
        } finally {
            Files.deleteIfExists(rule);
            Api.given().when().post("/api/rules/reload").then().statusCode(200);
        }
    }
}
