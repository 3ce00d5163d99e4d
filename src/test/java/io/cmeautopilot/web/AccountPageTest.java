package io.cmeautopilot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The accounts list and Account 360 over plain HTTP: what a CME reads about an account of their book. */
@QuarkusTest
class AccountPageTest {

    String team;
    String alice;
    long account;
    String external;

    @BeforeEach
    void book() {
        team = Api.uniqueName("team");
        alice = ConsoleClient.person("alice", team, Roles.CME);
        external = Api.uniqueName("acme");
        account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", external, "name", "Acme Rockets", "owner", alice, "team", team,
                        "segment", "MID", "stage", "ADOPTION", "signupDate", "2026-01-10",
                        "attributes", Map.of("Contract", "Enterprise")))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void account_360_shows_profile_metrics_open_work_and_what_happened() {
        Instant now = Instant.now();
        Api.given().contentType(ContentType.JSON).body(List.of(
                Map.of("eventId", Api.uniqueName("e"), "account", external, "type", "login", "userId", "u1",
                        "occurredAt", now.minus(3, ChronoUnit.DAYS).minus(2, ChronoUnit.HOURS).toString()),
                Map.of("eventId", Api.uniqueName("e"), "account", external, "type", "login", "userId", "u2",
                        "occurredAt", now.minus(3, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS).toString())))
                .when().post("/api/signals/usage-events").then().statusCode(200);
        Api.given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", Api.uniqueName("t"), "account", external,
                "ticketId", "T-7", "action", "opened", "severity", "high", "subject", "Export fails",
                "occurredAt", now.minus(2, ChronoUnit.HOURS).toString())))
                .when().post("/api/signals/tickets").then().statusCode(200);
        Api.given().contentType(ContentType.JSON).body(Map.of("accountId", account, "type", "adoption", "title", "Run a training"))
                .when().post("/api/tasks").then().statusCode(201);
        Document page = ConsoleClient.login(alice).page("/console/accounts/" + account);
        assertThat(page.select("h1").text()).startsWith("Acme Rockets");
        assertThat(page.select("#stage").text()).isEqualTo("ADOPTION");
        assertThat(page.select("dd[data-field=logins7d]").text()).isEqualTo("2");
        assertThat(page.select("dd[data-field=latestNps]").text()).isEqualTo("no data");
        assertThat(page.select("dd[data-field=daysSinceLastLogin]").text()).isEqualTo("3 days ago");
        assertThat(page.select("#open-work a").eachText()).contains("Run a training");
        assertThat(page.select("#timeline li[data-kind=ticket]").text()).contains("Ticket T-7 opened (high)").contains("Export fails");
        assertThat(page.select("#timeline li[data-kind=usage]").text()).contains("2 logins by 2 users");
        assertThat(page.select("#timeline li[data-kind=task] a").text()).contains("Task created: Run a training");
        assertThat(page.select("#contracts dd").text()).contains("Enterprise");
        assertThat(page.select("#report-link").attr("href")).isEqualTo("/api/accounts/" + account + "/health/report.html");
        assertThat(page.select("#health > p.empty").text()).isEqualTo("Not scored yet.");
    }

    @Test
    void the_why_section_explains_the_rules_on_request() {
        ConsoleClient client = ConsoleClient.login(alice);
        Response why = client.given().header("HX-Request", "true").get("/console/accounts/" + account + "/why");
        assertThat(why.statusCode()).isEqualTo(200);
        Document fragment = Jsoup.parse(why.asString());
        assertThat(fragment.select("#explained")).hasSize(1);
        assertThat(fragment.select("header.top")).isEmpty();
        assertThat(fragment.select("#explained .meta").text()).contains("nothing was written");
    }

    @Test
    void a_cme_is_denied_another_book_s_account_as_not_found() {
        String bob = ConsoleClient.person("bob", Api.uniqueName("other"), Roles.CME);
        ConsoleClient client = ConsoleClient.login(bob);
        Response page = client.get("/console/accounts/" + account);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.asString()).doesNotContain("Acme Rockets");
        assertThat(client.get("/console/accounts/" + account + "/why").statusCode()).isEqualTo(404);
        Document list = client.page("/console/accounts?q=Rockets");
        assertThat(list.select("#accounts a").eachText()).doesNotContain("Acme Rockets");
        assertThat(ConsoleClient.login(alice).page("/console/accounts?q=Rockets").select("#accounts a").eachText())
                .containsExactly("Acme Rockets");
    }
}
