package io.cmeautopilot.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.offers.RuleOffer;
import io.cmeautopilot.offers.RuleOfferWriter;
import io.cmeautopilot.offers.RuleOrigin;
import io.cmeautopilot.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The console in a real browser (headless Chromium), as the people it is for use it. */
@QuarkusTest
class ConsoleBrowserTest {

    static final String PASSWORD = "correct horse battery staple";

    @TestHTTPResource("/")
    URL base;
    @Inject
    RuleOfferWriter offers;

    Browser browser;
    String team;
    String alice;

    @BeforeEach
    void open() {
        browser = Browser.open(base.toString());
        team = Api.uniqueName("team");
        alice = person("alice", team, Roles.CME);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    static String person(String prefix, String team, String... roles) {
        String username = Api.uniqueName(prefix);
        Map<String, Object> body = new HashMap<>(Map.of("roles", List.of(roles), "password", PASSWORD,
                "displayName", prefix));
        if (team != null) {
            body.put("team", team);
        }
        Api.given().contentType(ContentType.JSON).body(body).when().put("/api/users/" + username).then().statusCode(201);
        return username;
    }

    long account(String name, String owner) {
        Map<String, Object> body = new HashMap<>(Map.of("externalId", Api.uniqueName("acct"), "name", name, "team", team,
                "segment", "MID", "stage", "ADOPTION", "signupDate", "2026-03-01"));
        if (owner != null) {
            body.put("owner", owner);
        }
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/accounts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    long task(long account, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "type", "onboarding", "title", "Kick-off call"));
        body.putAll(fields);
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/tasks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    void logIn(String username) {
        LoginScreen.open(browser).logInAs(username, PASSWORD);
    }

    @Test
    void a_cme_logs_in_claims_a_task_works_it_to_done_and_logs_out() {
        long initech = account("Initech", null);
        task(initech, Map.of("title", "Kick-off call", "priority", "HIGH", "team", team,
                "checklist", List.of("Agree the go-live date", "Invite the admins")));
        logIn(alice);
        assertThat(browser.path()).isEqualTo("/console/work");
        WorkScreen queue = WorkScreen.open(browser, "?view=team");
        assertThat(queue.taskTitles()).containsExactly("Kick-off call");
        TaskPanel task = queue.claimNext();
        assertThat(task.assignee()).startsWith(alice);
        task.start();
        task.tickStep("Agree the go-live date");
        browser.screenshot("task");
        task.complete("Go-live agreed for the 1st; admins invited");
        assertThat(task.status()).isEqualTo("done");
        assertThat(browser.path()).as("no full page load").isEqualTo("/console/work?view=team");
        LoginScreen.logOut(browser);
        browser.go("/console/work");
        assertThat(browser.path()).startsWith("/console/login");
    }

    @Test
    void a_change_made_by_someone_else_meanwhile_is_shown_as_a_conflict_not_overwritten() {
        long globex = account("Globex", alice);
        long id = task(globex, Map.of("title", "Quarterly check-in"));
        logIn(alice);
        TaskPanel task = WorkScreen.open(browser, "").openTask("Quarterly check-in");
        Api.given().contentType(ContentType.JSON).body(Map.of("until", java.time.Instant.now().plus(Duration.ofDays(2)).toString()))
                .post("/api/tasks/" + id + "/snooze").then().statusCode(200);
        String problem = task.completeExpectingProblem("Done");
        assertThat(problem).contains("Someone changed this after you opened it");
        browser.screenshot("conflict");
        Api.given().get("/api/tasks/" + id).then().body("task.status", org.hamcrest.Matchers.equalTo("SNOOZED"));
    }

    @Test
    void a_cme_approves_a_retention_offer_with_the_rule_s_evidence_in_view() {
        long umbrella = account("Umbrella", alice);
        QuarkusTransaction.requiringNew().run(() -> offers.write(new RuleOffer(umbrella, "discount", 10.0, 30,
                "Renewal in 45 days with health RED", new RuleOrigin("Renewal: at risk", "v-browser", 0,
                        Map.of("daysToRenewal", 45, "healthGrade", "RED"), Api.uniqueName("key"), Duration.ofDays(30)))));
        long offerId = Api.given().queryParam("accountId", umbrella).get("/api/offers").then().extract().jsonPath()
                .getLong("items[0].id");
        logIn(alice);
        OfferScreen offer = OfferScreen.openFromInbox(browser, offerId);
        assertThat(offer.evidence()).contains("daysToRenewal").contains("45");
        browser.screenshot("offers");
        offer.approve("12", "cfo@umbrella.example");
        assertThat(offer.status()).isEqualTo("APPROVED");
    }

    @Test
    void a_cme_sees_their_account_s_360_and_is_denied_another_book_s_account() {
        long acme = account("Acme Rockets", alice);
        task(acme, Map.of("title", "Run a training", "type", "adoption"));
        logIn(alice);
        AccountScreen account = AccountScreen.open(browser, acme);
        assertThat(account.heading()).startsWith("Acme Rockets");
        assertThat(account.metric("logins7d")).isEqualTo("no data");
        assertThat(account.explain()).contains("nothing was written");
        browser.screenshot("account-360");
        LoginScreen.logOut(browser);
        String bob = person("bob", Api.uniqueName("other"), Roles.CME);
        logIn(bob);
        AccountScreen denied = AccountScreen.open(browser, acme);
        assertThat(denied.heading()).contains("404");
        assertThat(denied.problem()).contains("not in your book");
        assertThat(browser.driver.getPageSource()).doesNotContain("Acme Rockets");
    }

    @Test
    void ops_see_a_broken_drl_at_its_line_then_preview_a_fixed_rule_s_blast_radius_to_the_end_of_its_run() {
        account("Blast One", alice);
        account("Blast Two", alice);
        logIn(person("olga", null, Roles.OPS));
        assertThat(browser.path()).isEqualTo("/console/rules");
        RuleEditorScreen editor = RuleEditorScreen.open(browser);
        editor.write("preview.drl", """
                package rules.preview
                import io.cmeautopilot.rules.api.*

                rule "Preview: adoption accounts"
                    @category("adoption")
                when
                    $a : AccountFact( stage == Stage.ADOPTION, loginsPerFortnight > 1 )
                then
                end
                """);
        List<String> where = editor.check();
        assertThat(editor.valid()).isFalse();
        assertThat(where).anyMatch(w -> w.startsWith("preview.drl:7:"));
        browser.screenshot("rule-editor");
        editor.write("preview.drl", """
                package rules.preview
                import io.cmeautopilot.rules.api.*

                rule "Preview: adoption accounts"
                    @category("adoption")
                when
                    $a : AccountFact( stage == Stage.ADOPTION )
                then
                    insert(Task.forAccount($a).type("adoption").title("Adoption review").build());
                end
                """);
        editor.check();
        assertThat(editor.valid()).isTrue();
        RunScreen run = editor.blastRadius();
        assertThat(run.watchToTheEnd()).isEqualTo("SUCCEEDED");
        assertThat(run.mode()).startsWith("backtest");
        assertThat(Integer.parseInt(run.proposedBy("Preview: adoption accounts"))).isGreaterThanOrEqualTo(2);
        assertThat(run.progress()).startsWith("100%");
        browser.screenshot("run");
    }

    @Test
    void the_queue_is_worked_from_the_keyboard() {
        long hooli = account("Hooli", alice);
        task(hooli, Map.of("title", "First", "priority", "URGENT"));
        task(hooli, Map.of("title", "Second", "priority", "HIGH"));
        logIn(alice);
        WorkScreen.open(browser, "");
        browser.find("body").sendKeys("j");
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("First");
        new Actions(browser.driver).sendKeys("j").perform();
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Second");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.until(d -> d.findElement(By.cssSelector("#detail #task-title")).getText().equals("Second"));
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getTagName()).isIn("a", "button", "input", "textarea");
    }

    @Test
    void every_page_opens_with_labelled_controls_and_readable_contrast() {
        String admin = person("ada", team, Roles.ADMIN, Roles.OPS, Roles.CME);
        long acme = account("Contrast Co", admin);
        long taskId = task(acme, Map.of("title", "Look at every page", "checklist", List.of("Read it")));
        logIn(admin);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("my-work", "/console/work");
        pages.put("task-page", "/console/tasks/" + taskId);
        pages.put("accounts", "/console/accounts");
        pages.put("account-page", "/console/accounts/" + acme);
        pages.put("why", "/console/accounts/" + acme + "/why");
        pages.put("offers-inbox", "/console/offers?mine=false");
        pages.put("suggestions", "/console/offers?tab=suggestions&mine=false");
        pages.put("teams", "/console/teams");
        pages.put("team", "/console/teams/" + team);
        pages.put("rules", "/console/rules");
        pages.put("editor", "/console/rules/edit");
        pages.put("runs", "/console/runs");
        pages.put("schedules", "/console/schedules");
        pages.put("users", "/console/admin/users");
        pages.put("keys", "/console/admin/keys");
        pages.put("endpoints", "/console/admin/endpoints");
        pages.put("outbox", "/console/admin/outbox");
        pages.put("audit", "/console/admin/audit");
        pages.put("login", "/console/login");
        List<String> problems = new java.util.ArrayList<>();
        pages.forEach((name, path) -> {
            browser.go(path);
            browser.find("main");
            assertThat(browser.driver.findElements(By.cssSelector(".problem[data-status]"))).as(path).isEmpty();
            Accessibility.unlabelledControls(browser).forEach(c -> problems.add(path + ": no label: " + c));
            Accessibility.lowContrast(browser).forEach(c -> problems.add(path + ": low contrast: " + c));
            if (List.of("my-work", "team", "rules", "schedules", "users").contains(name)) {
                browser.screenshot(name);
            }
        });
        String versionPage = "/console/rules/versions/" + Api.given().get("/api/rules/versions").then().extract()
                .jsonPath().getLong("items[0].id");
        browser.go(versionPage);
        assertThat(browser.text("h1")).startsWith("Rule book");
        assertThat(problems).isEmpty();
    }
}
