package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Cancelling a run: chunks not started are dropped, a chunk in flight either finishes before the
 * cancellation (and is counted) or rolls back, and the run ends CANCELLED with what it did so far.
 * Runs here are inline (only the test works their chunks), each chunk one account.
 */
@QuarkusTest
class RunCancellationTest {

    static final String CHURN = "Churn: no login for 14 days";

    @Inject
    EvaluationRuns runs;
    @Inject
    ChunkStore chunks;
    @Inject
    ChunkProcessor processor;
    @Inject
    RunFinisher finisher;
    @Inject
    RunBooks books;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    @Test
    void a_cancelled_run_drops_its_chunks_not_started_rolls_back_the_one_in_flight_and_keeps_what_it_did() {
        String team = Api.uniqueName("cancel");
        List<Long> accounts = silentAccounts(team, 3);
        long runId = inlineRun(accounts);
        EvaluationRun run = runs.find(runId).orElseThrow();
        processor.process(chunks.claim(runId, "node-a", Duration.ofMinutes(5)).orElseThrow(), run, "node-a");
        Chunk inFlight = chunks.claim(runId, "node-b", Duration.ofMinutes(5)).orElseThrow();

        String ops = Api.keyWithRoles("ops");
        Api.as(ops).when().post("/api/evaluations/" + runId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("finishedAt", org.hamcrest.Matchers.notNullValue())
                .body("progress.chunksTotal", equalTo(3)).body("progress.chunksDone", equalTo(1))
                .body("progress.chunksCancelled", equalTo(2)).body("accountsEvaluated", equalTo(1))
                .body("rules.'" + CHURN + "'.created", equalTo(2)); // the first account's task and notification

        // The chunk in flight tries to complete after the cancellation: its work rolls back, nothing is written.
        assertThatThrownBy(() -> processor.process(inFlight, run, "node-b")).isInstanceOf(ChunkProcessor.ChunkLost.class);
        assertThat(chunks.giveUp(inFlight, "node-b", "lost", 3)).as("a cancelled chunk is not offered again").isEqualTo("TAKEN");
        Api.given().when().get("/api/tasks/queues/" + team).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].accountId", equalTo(accounts.get(0).intValue()));
        // Nothing is claimed any more and nobody finishes the run a second time.
        assertThat(chunks.claim(runId, "node-a", Duration.ofMinutes(5))).isEmpty();
        assertThat(finisher.tryFinish(runId)).isFalse();
        RunView view = runs.view(runId).orElseThrow();
        assertThat(view.status()).isEqualTo("CANCELLED");
        assertThat(view.cancelledBy()).isNotBlank();
        assertThat(view.progress().chunksDone()).isEqualTo(1);
        // Cancelling again changes nothing (clients retry), and the cancellation is in the audit trail.
        Api.as(ops).when().post("/api/evaluations/" + runId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("progress.chunksDone", equalTo(1));
        Api.given().queryParam("action", "evaluation.cancelled").when().get("/api/audit").then().statusCode(200)
                .body("items.findAll { it.targetId == '" + runId + "' }.size()", equalTo(1));
    }

    @Test
    void a_chunk_whose_completion_holds_its_row_when_the_cancel_comes_finishes_first_and_is_counted() throws Exception {
        List<Long> accounts = silentAccounts(Api.uniqueName("cancel-race"), 2);
        long runId = inlineRun(accounts);
        Chunk chunk = chunks.claim(runId, "slow-node", Duration.ofMinutes(5)).orElseThrow();
        ChunkOutcome outcome = new ChunkOutcome();
        outcome.accounts = 1;
        CompletableFuture<Void> cancelled;
        try (Connection completing = dataSource.getConnection()) {
            completing.setAutoCommit(false);
            // The chunk's completing transaction, as ChunkProcessor runs it: the chunk is still ours, mark it done...
            assertThat(chunks.own(completing, chunk, "slow-node")).isTrue();
            chunks.complete(completing, chunk, outcome);
            // ...and before it commits, an operator cancels the run: the cancellation waits for it.
            CompletableFuture<Void> cancelling = CompletableFuture.runAsync(() -> Api.given().when()
                    .post("/api/evaluations/" + runId + "/cancel").then().statusCode(200));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !cancelling.isDone());
            completing.commit();
            cancelled = cancelling;
        }
        cancelled.get();
        RunView view = runs.view(runId).orElseThrow();
        assertThat(view.status()).isEqualTo("CANCELLED");
        assertThat(view.progress().chunksDone()).isEqualTo(1);
        assertThat(view.progress().chunksCancelled()).isEqualTo(1);
        assertThat(view.accountsEvaluated()).isEqualTo(1);
    }

    @Test
    void only_a_running_run_can_be_cancelled_and_only_by_ops_or_admin() {
        List<Long> accounts = silentAccounts(Api.uniqueName("cancel-done"), 1);
        long finished = Api.given().contentType(ContentType.JSON).body(Map.of("scope", Map.of("accountIds", accounts)))
                .when().post("/api/evaluations").then().statusCode(200).body("status", equalTo("SUCCEEDED"))
                .extract().jsonPath().getLong("id");
        Api.given().when().post("/api/evaluations/" + finished + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("SUCCEEDED"));
        Api.given().when().get("/api/evaluations/" + finished).then().body("status", equalTo("SUCCEEDED"));
        Api.given().when().post("/api/evaluations/987654321/cancel").then().statusCode(404)
                .contentType("application/problem+json");
        Api.given().when().post("/api/evaluations/not-a-number/cancel").then().statusCode(404);

        long running = inlineRun(accounts);
        Api.as(Api.keyWithRoles("integration")).when().post("/api/evaluations/" + running + "/cancel").then().statusCode(403);
        Api.as(Api.keyWithRoles("cme")).when().post("/api/evaluations/" + running + "/cancel").then().statusCode(403);
        Api.anonymous().when().post("/api/evaluations/" + running + "/cancel").then().statusCode(401);
        assertThat(runs.view(running).orElseThrow().status()).isEqualTo("RUNNING");
        Api.as(Api.keyWithRoles("admin")).when().post("/api/evaluations/" + running + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("accountsEvaluated", equalTo(0));
    }

    /** Accounts of one team whose last login was 20 days ago: the starter churn rule proposes a task for each. */
    private static List<Long> silentAccounts(String team, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ext = Api.uniqueName("silent");
            ids.add(Api.given().contentType(ContentType.JSON)
                    .body(Map.of("externalId", ext, "name", "Silent " + i, "owner", "o-" + team, "team", team,
                            "stage", "ESTABLISHED"))
                    .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id"));
            Api.given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", Api.uniqueName("ev"), "account", ext,
                    "type", "login", "userId", "u1", "occurredAt", Instant.now().minus(Duration.ofDays(20)).toString())))
                    .when().post("/api/signals/usage-events").then().statusCode(200);
        }
        return ids;
    }

    /** An inline run over the accounts, one chunk each: no poller takes its chunks, the test works them. */
    private long inlineRun(List<Long> accounts) {
        Instant now = clock.instant();
        EvaluationRequest request = new EvaluationRequest(EvaluationRequest.Scope.of(accounts), "apply");
        return runs.start(new EvaluationRuns.NewRun(request, "test", "test", books.current().version(), now, now,
                RuleSelection.ALL, null, null, true), 1);
    }
}
