package io.cmeautopilot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.offers.RuleOffer;
import io.cmeautopilot.offers.RuleOfferWriter;
import io.cmeautopilot.offers.RuleOrigin;
import io.cmeautopilot.offers.RuleSuggestion;
import io.cmeautopilot.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The offers inbox over plain HTTP: a CME decides what rules proposed, with their evidence. */
@QuarkusTest
class OffersPageTest {

    @Inject
    RuleOfferWriter writer;

    String team;
    String alice;
    long account;

    @BeforeEach
    void book() {
        team = Api.uniqueName("team");
        alice = ConsoleClient.person("alice", team, Roles.CME);
        account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("acct"), "name", "Umbrella", "owner", alice, "team", team))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static RuleOrigin origin() {
        return new RuleOrigin("Renewal: at risk", "v-console", 0, Map.of("daysToRenewal", 45, "healthGrade", "RED"),
                Api.uniqueName("key"), Duration.ofDays(30));
    }

    long offer() {
        QuarkusTransaction.requiringNew().run(() -> writer.write(new RuleOffer(account, "discount", 10.0, 30,
                "Renewal in 45 days with health RED", origin())));
        return Api.given().queryParam("accountId", account).when().get("/api/offers").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].id");
    }

    long suggestion() {
        QuarkusTransaction.requiringNew().run(() -> writer.write(new RuleSuggestion(account, "seats", "60 seats", 12000.0,
                "48 of 50 seats active", origin())));
        return Api.given().queryParam("accountId", account).when().get("/api/suggestions").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void a_cme_approves_an_offer_from_the_inbox_with_the_rule_s_evidence() {
        long id = offer();
        ConsoleClient client = ConsoleClient.login(alice);
        Document inbox = client.page("/console/offers");
        assertThat(inbox.select("#offer-" + id + " a.task-link").text()).isEqualTo("discount 10.00%, 30 days");
        Document card = Jsoup.parse(client.given().header("HX-Request", "true").get("/console/offers/" + id).asString());
        assertThat(card.select(".evidence td").eachText()).contains("daysToRenewal", "45", "healthGrade", "RED");
        Response approved = client.htmx("/console/offers/" + id + "/approve",
                Map.of("version", 0, "value", "15", "validForDays", "14", "note", "Agreed with the sponsor"));
        assertThat(approved.statusCode()).isEqualTo(200);
        Document after = Jsoup.parse(approved.asString());
        assertThat(after.select("#decision-status").text()).isEqualTo("APPROVED");
        assertThat(after.select("#send")).hasSize(1);
        Api.given().when().get("/api/offers/" + id).then().body("offer.value", org.hamcrest.Matchers.equalTo(15.0f))
                .body("offer.validForDays", org.hamcrest.Matchers.equalTo(14));
    }

    @Test
    void a_bad_discount_is_refused_readably_and_changes_nothing() {
        long id = offer();
        ConsoleClient client = ConsoleClient.login(alice);
        client.page("/console/offers/" + id);
        Response over = client.htmx("/console/offers/" + id + "/approve", Map.of("version", 0, "value", "150"));
        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(over.asString()).select(".field-errors li[data-field=value]").text()).contains("at most 100");
        Response notANumber = client.htmx("/console/offers/" + id + "/approve", Map.of("version", 0, "value", "lots"));
        assertThat(notANumber.statusCode()).isEqualTo(422);
        Response noReason = client.submit("/console/offers/" + id + "/reject", Map.of("version", 0, "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(422);
        Api.given().when().get("/api/offers/" + id).then().body("offer.status", org.hamcrest.Matchers.equalTo("PROPOSED"));
    }

    @Test
    void a_suggestion_is_pursued_and_won_with_the_realised_arr() {
        long id = suggestion();
        ConsoleClient client = ConsoleClient.login(alice);
        Document inbox = client.page("/console/offers?tab=suggestions");
        assertThat(inbox.select("#suggestion-" + id)).hasSize(1);
        client.page("/console/suggestions/" + id);
        Response pursued = client.submit("/console/suggestions/" + id + "/pursue", Map.of("version", 0));
        assertThat(pursued.statusCode()).isEqualTo(303);
        assertThat(pursued.header("Location")).endsWith("/console/suggestions/" + id);
        Response won = client.htmx("/console/suggestions/" + id + "/win", Map.of("version", 1, "realisedArr", "9,600"));
        assertThat(Jsoup.parse(won.asString()).select("#decision-status").text()).isEqualTo("WON");
    }

    @Test
    void another_book_s_offer_does_not_exist_for_a_cme() {
        long id = offer();
        String bob = ConsoleClient.person("bob", Api.uniqueName("other"), Roles.CME);
        ConsoleClient client = ConsoleClient.login(bob);
        assertThat(client.get("/console/offers/" + id).statusCode()).isEqualTo(404);
        assertThat(client.page("/console/offers?mine=false").select("#offer-" + id)).isEmpty();
    }
}
