package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A rule in a test rule book proposes a retention offer and an expansion suggestion; runs apply them once. */
@QuarkusTest
class OfferEvaluationTest {

    static final String RULE = "Test: offer and suggestion for the segment";
    static final Path FILE = RulesDirectoryTestResource.DIR.resolve("zz-offers.drl");

    String segment;
    String owner;
    long account;

    @BeforeEach
    void a_rule_and_an_account_it_matches() throws Exception {
        segment = Api.uniqueName("OFFERED");
        owner = Api.uniqueName("owner");
        account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("acct"), "name", "Offered Co", "segment", segment,
                        "owner", owner, "team", "west"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        Files.writeString(FILE, """
                package rules.offers
                import io.cmeautopilot.rules.api.*
                rule "%s" @category("test") @cooldown("P30D")
                when
                    $a : AccountFact( segment == "%s" )
                then
                    insert(RetentionOffer.forAccount($a).kind("discount").value(15).validForDays(14)
                               .reason("Renewal at risk for " + $a.getName()).build());
                    insert(ExpansionSuggestion.forAccount($a).kind("seats").target("60 seats")
                               .estimatedArrUplift(12000).reason("48 of 50 seats active").build());
                end
                """.formatted(RULE, segment));
        Api.given().when().post("/api/rules/reload").then().statusCode(200).body("result", equalTo("ACTIVATED"));
    }

    @AfterEach
    void the_rule_goes() throws Exception {
        Files.deleteIfExists(FILE);
        Api.given().when().post("/api/rules/reload").then().statusCode(200);
    }

    JsonPath run() {
        return Api.given().contentType(ContentType.JSON).body(Map.of("scope", Map.of("accountIds", List.of(account))))
                .when().post("/api/evaluations").then().statusCode(200).extract().jsonPath();
    }

    List<Map<String, Object>> open(String what) {
        return Api.given().queryParam("accountId", account).when().get("/api/" + what).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    @Test
    void a_run_creates_the_offer_and_the_suggestion_once_and_a_second_run_updates_them() {
        JsonPath first = run();
        assertThat(first.getInt("rules.'" + RULE + "'.created")).isEqualTo(2);
        assertThat(first.getInt("rules.'" + RULE + "'.notApplied")).isZero();
        assertThat(open("offers")).hasSize(1);
        assertThat(open("suggestions")).hasSize(1);
        long offer = ((Number) open("offers").get(0).get("id")).longValue();
        Api.given().when().get("/api/offers/" + offer).then().statusCode(200)
                .body("offer.kind", equalTo("discount")).body("offer.validForDays", equalTo(14))
                .body("offer.reason", equalTo("Renewal at risk for Offered Co"))
                .body("offer.origin.rule", equalTo(RULE)).body("offer.origin.runId", equalTo(first.getInt("id")))
                .body("offer.origin.evidence.segment", equalTo(segment));
        long task = ((Number) open("offers").get(0).get("taskId")).longValue();
        Api.given().when().get("/api/tasks/" + task).then().body("task.assignee", equalTo(owner))
                .body("task.team", equalTo("west")).body("task.origin.runId", equalTo(first.getInt("id")));

        JsonPath second = run();
        assertThat(second.getInt("rules.'" + RULE + "'.created")).isZero();
        assertThat(second.getInt("rules.'" + RULE + "'.updated")).isEqualTo(2);
        assertThat(open("offers")).hasSize(1);
        assertThat(open("suggestions")).hasSize(1);
        Api.given().when().get("/api/offers/" + offer).then().body("offer.origin.runId", equalTo(second.getInt("id")));
        Api.given().when().get("/api/accounts/" + account + "/explain").then().statusCode(200)
                .body("matched.find { it.kind == 'RETENTION_OFFER' }.outcome",
                        equalTo("would update the open retention offer with the same key"));
    }

    @Test
    void two_concurrent_runs_leave_one_offer_and_one_suggestion() {
        CompletableFuture<JsonPath> a = CompletableFuture.supplyAsync(this::run);
        CompletableFuture<JsonPath> b = CompletableFuture.supplyAsync(this::run);
        int created = a.join().getInt("rules.'" + RULE + "'.created") + b.join().getInt("rules.'" + RULE + "'.created");
        assertThat(created).isEqualTo(2);
        assertThat(open("offers")).hasSize(1);
        assertThat(open("suggestions")).hasSize(1);
        Api.given().queryParam("accountId", account).when().get("/api/tasks/queues/west").then()
                .body("items.findAll { it.link != null }.size()", equalTo(2));
    }

    @Test
    void explain_says_what_would_happen_to_offers_before_any_run() {
        Api.given().when().get("/api/accounts/" + account + "/explain").then().statusCode(200)
                .body("matched.find { it.kind == 'EXPANSION_SUGGESTION' }.outcome",
                        equalTo("would create the expansion suggestion and its task"));
        assertThat(open("offers")).isEmpty();
    }
}
