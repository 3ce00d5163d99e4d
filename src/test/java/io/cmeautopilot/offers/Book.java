package io.cmeautopilot.offers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A CME's book for offer tests: alice owns an account in her team; bob is a CME of another team.
 * Offers and suggestions are proposed through the real writer, as an evaluation run would.
 */
final class Book {

    static final Duration COOLDOWN = Duration.ofDays(30);

    final String team = Api.uniqueName("book");
    final String aliceName = Api.uniqueName("alice");
    final String alice = Api.userKey(aliceName, team, Roles.CME);
    final String bob = Api.userKey(Api.uniqueName("bob"), Api.uniqueName("elsewhere"), Roles.CME);
    final long account = Api.given().contentType(ContentType.JSON)
            .body(Map.of("externalId", Api.uniqueName("acct"), "name", "Offered", "owner", aliceName, "team", team))
            .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");

    static RuleOrigin origin(String key) {
        return new RuleOrigin("Test: renewal at risk", "v-test", 0, Map.of("daysToRenewal", 45), key, COOLDOWN);
    }

    RuleOffer offer(String key, double value, int validForDays, String reason) {
        return new RuleOffer(account, "discount", value, validForDays, reason, origin(key));
    }

    RuleSuggestion suggestion(String key, String target) {
        return new RuleSuggestion(account, "seats", target, 12000.0, "48 of 50 seats active", origin(key));
    }

    static RuleOfferWriter.Outcome write(RuleOfferWriter writer, RuleOffer offer) {
        return QuarkusTransaction.requiringNew().call(() -> writer.write(offer));
    }

    static RuleOfferWriter.Outcome write(RuleOfferWriter writer, RuleSuggestion suggestion) {
        return QuarkusTransaction.requiringNew().call(() -> writer.write(suggestion));
    }

    /** The open offers of the account, newest first, as ops sees them. */
    List<Map<String, Object>> offers() {
        return Api.given().queryParam("accountId", account).queryParam("status", "PROPOSED", "APPROVED", "SENT")
                .when().get("/api/offers").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Proposes a fresh offer (a new dedupe key) and answers it as the API shows it. */
    JsonPath newOffer(RuleOfferWriter writer) {
        write(writer, offer(Api.uniqueName("key"), 10, 30, "Renewal in 45 days with health RED"));
        long id = ((Number) offers().get(0).get("id")).longValue();
        return Api.given().when().get("/api/offers/" + id).then().statusCode(200).extract().jsonPath();
    }

    JsonPath newSuggestion(RuleOfferWriter writer) {
        write(writer, suggestion(Api.uniqueName("key"), "63 seats"));
        long id = Api.given().queryParam("accountId", account).when().get("/api/suggestions").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        return Api.given().when().get("/api/suggestions/" + id).then().statusCode(200).extract().jsonPath();
    }
}
