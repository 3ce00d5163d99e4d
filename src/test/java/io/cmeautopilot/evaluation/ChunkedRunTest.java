package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.Runs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Runs over more than a few accounts: answered 202 at once, worked in chunks (3 accounts each in
 * the test profile), followed by id with exact progress; dry runs and backtests write nothing.
 */
@QuarkusTest
class ChunkedRunTest {

    static final String CHURN = "Churn: no login for 14 days";

    String segment;
    List<Long> accounts = new ArrayList<>();

    @BeforeEach
    void seven_accounts_of_one_segment_whose_last_login_was_20_days_ago() {
        segment = Api.uniqueName("CHUNKED");
        for (int i = 0; i < 7; i++) {
            String ext = Api.uniqueName("acct");
            accounts.add(Api.given().contentType(ContentType.JSON)
                    .body(Map.of("externalId", ext, "name", "Chunked " + i, "segment", segment, "owner", "o-" + segment,
                            "team", "t-" + segment, "stage", "ESTABLISHED"))
                    .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id"));
            Api.given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", Api.uniqueName("ev"), "account", ext,
                    "type", "login", "userId", "u1", "occurredAt", Instant.now().minus(Duration.ofDays(20)).toString())))
                    .when().post("/api/signals/usage-events").then().statusCode(200).body("accepted", equalTo(1));
        }
    }

    long openChurnTasks() {
        return Api.given().queryParam("limit", 200).when().get("/api/tasks/queues/t-" + segment).then().statusCode(200)
                .extract().jsonPath().getList("items.type").stream().filter("churn-risk"::equals).count();
    }

    @Test
    void a_segment_run_answers_202_and_finishes_in_chunks_with_exact_progress() {
        JsonPath run = Runs.evaluate(Map.of("scope", Map.of("segment", segment)));
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("progress.chunksTotal")).isEqualTo(3);
        assertThat(run.getInt("progress.chunksDone")).isEqualTo(3);
        assertThat(run.getInt("accountsEvaluated")).isEqualTo(7);
        assertThat(run.getInt("rules.'" + CHURN + "'.created")).isEqualTo(14); // a task and a notification each
        assertThat(openChurnTasks()).isEqualTo(7);

        JsonPath again = Runs.evaluate(Map.of("scope", Map.of("segment", segment)));
        assertThat(again.getInt("rules.'" + CHURN + "'.updated")).isEqualTo(7);
        assertThat(again.getInt("rules.'" + CHURN + "'.suppressedByCooldown")).isEqualTo(7); // the notifications
        assertThat(openChurnTasks()).isEqualTo(7);
    }

    @Test
    void a_filter_scope_selects_accounts_by_their_fields() {
        JsonPath run = Runs.evaluate(Map.of("scope", Map.of("filter", Map.of("owner", "o-" + segment, "stage", "ESTABLISHED")),
                "mode", "dry-run"));
        assertThat(run.getInt("accountsEvaluated")).isEqualTo(7);
        Api.given().contentType(ContentType.JSON).body(Map.of("scope", Map.of("filter", Map.of())))
                .when().post("/api/evaluations").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scope.filter"));
    }

    @Test
    void categories_limit_a_run_to_the_rules_of_those_categories() {
        JsonPath run = Runs.evaluate(Map.of("scope", Map.of("segment", segment), "mode", "dry-run",
                "categories", List.of("onboarding")));
        assertThat(run.getMap("rules")).doesNotContainKey(CHURN);
        JsonPath churn = Runs.evaluate(Map.of("scope", Map.of("segment", segment), "mode", "dry-run",
                "categories", List.of("churn-prevention")));
        assertThat(churn.getMap("rules")).containsKey(CHURN);
        assertThat(churn.getList("proposals.rule")).allMatch(r -> r.toString().startsWith("Churn"));
    }

    @Test
    void a_large_dry_run_is_kept_with_a_sample_and_writes_no_action() {
        JsonPath run = Runs.evaluate(Map.of("scope", Map.of("segment", segment), "mode", "dry-run"));
        assertThat(run.getLong("id")).isPositive();
        assertThat(run.getString("mode")).isEqualTo("dry-run");
        assertThat(run.getInt("rules.'" + CHURN + "'.proposed")).isEqualTo(14); // a task and a notification each
        assertThat(run.getList("proposals.findAll { it.rule == '" + CHURN + "' }")).hasSize(14);
        assertThat(openChurnTasks()).isZero();
    }

    @Test
    void a_backtest_evaluates_as_of_a_past_instant_and_writes_nothing() {
        // Ten days ago the last login was ten days old: the 14-day churn rule did not match yet.
        JsonPath past = Runs.evaluate(Map.of("scope", Map.of("segment", segment), "mode", "backtest",
                "asOf", Instant.now().minus(Duration.ofDays(10)).toString()));
        assertThat(past.getString("mode")).isEqualTo("backtest");
        assertThat(past.getMap("rules")).doesNotContainKey(CHURN);
        JsonPath recent = Runs.evaluate(Map.of("scope", Map.of("accountIds", accounts), "mode", "backtest",
                "asOf", Instant.now().minus(Duration.ofDays(1)).toString()));
        assertThat(recent.getInt("rules.'" + CHURN + "'.proposed")).isEqualTo(14);
        assertThat(recent.getInt("proposals.find { it.rule == '" + CHURN + "' }.evidence.daysSinceLastLogin")).isEqualTo(19);
        assertThat(openChurnTasks()).isZero();
    }

    @Test
    void a_backtest_of_drl_files_that_were_never_activated_shows_their_blast_radius() {
        String drl = """
                package rules.candidate
                import io.cmeautopilot.rules.api.*
                rule "Candidate: quiet accounts of the chunked segment"
                when
                    $a : AccountFact( segment == "%s", daysSinceLastLogin >= 5 )
                then
                    insert(Task.forAccount($a).type("custom").title("Candidate").build());
                end
                """.formatted(segment);
        JsonPath run = Runs.evaluate(Map.of("scope", Map.of("segment", segment), "mode", "backtest",
                "asOf", Instant.now().minus(Duration.ofDays(2)).toString(), "files", Map.of("candidate.drl", drl)));
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("rules.'Candidate: quiet accounts of the chunked segment'.proposed")).isEqualTo(7);
        assertThat(run.getString("ruleBookVersion")).isNotEqualTo(Api.given().when().get("/api/rules").then()
                .extract().jsonPath().getString("version"));
    }

    @Test
    void rules_outside_the_selected_categories_do_not_fire_so_nothing_reacts_to_what_they_would_have_done() {
        String drl = """
                package rules.selection
                import io.cmeautopilot.rules.api.*
                rule "Selection: first" @category("first-category")
                when
                    $a : AccountFact( segment == "%1$s" )
                then
                    insert(Task.forAccount($a).type("custom").title("First").build());
                end
                rule "Selection: follow-up" @category("follow-up-category")
                when
                    $a : AccountFact( segment == "%1$s" )
                    Task( accountId == $a.id, title == "First" )
                then
                    insert(Task.forAccount($a).type("custom").title("Follow-up").discriminator("follow-up").build());
                end
                """.formatted(segment);
        Map<String, Object> backtest = Map.of("scope", Map.of("segment", segment), "mode", "backtest",
                "asOf", Instant.now().minus(Duration.ofDays(1)).toString(), "files", Map.of("selection.drl", drl));

        JsonPath everything = Runs.evaluate(backtest);
        assertThat(everything.getInt("rules.'Selection: follow-up'.proposed")).isEqualTo(7);

        Map<String, Object> followUpOnly = new java.util.HashMap<>(backtest);
        followUpOnly.put("categories", List.of("follow-up-category"));
        JsonPath selected = Runs.evaluate(followUpOnly);
        // The first rule was held back on the agenda: it inserted nothing, so its follow-up had nothing to follow.
        assertThat(selected.getMap("rules")).isEmpty();
    }

    @Test
    void a_backtest_is_refused_when_its_input_is_wrong_and_nothing_is_stored() {
        int runsBefore = Api.given().queryParam("limit", 200).when().get("/api/evaluations").then().extract()
                .jsonPath().getList("").size();
        Map<String, Object> scope = Map.of("segment", segment);
        problem(Map.of("scope", scope, "mode", "backtest"), "asOf");
        problem(Map.of("scope", scope, "mode", "backtest", "asOf", Instant.now().plus(Duration.ofDays(1)).toString()), "asOf");
        problem(Map.of("scope", scope, "mode", "backtest", "asOf", Instant.now().minus(Duration.ofDays(1)).toString(),
                "ruleBookVersion", "0".repeat(64)), "ruleBookVersion");
        problem(Map.of("scope", scope, "asOf", Instant.now().minus(Duration.ofDays(1)).toString()), "mode");
        Api.given().contentType(ContentType.JSON).body(Map.of("scope", scope, "mode", "backtest",
                "asOf", Instant.now().minus(Duration.ofDays(1)).toString(),
                "files", Map.of("broken.drl", "package rules.broken\nrule \"x\" when\n  AccountFact( nope > 1 )\nthen end\n")))
                .when().post("/api/evaluations").then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("rule-book-invalid"))
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("broken.drl:3"));
        Api.given().queryParam("limit", 200).when().get("/api/evaluations").then()
                .body("size()", equalTo(Math.min(200, runsBefore)));
    }

    private static void problem(Map<String, Object> body, String field) {
        Api.given().contentType(ContentType.JSON).body(body).when().post("/api/evaluations").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }
}
