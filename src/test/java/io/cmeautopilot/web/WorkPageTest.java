package io.cmeautopilot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** My work and the task page over plain HTTP: what a CME reads and every move, with and without htmx. */
@QuarkusTest
class WorkPageTest {

    String team;
    String alice;
    long account;

    @BeforeEach
    void book() {
        team = Api.uniqueName("team");
        alice = ConsoleClient.person("alice", team, Roles.CME);
        account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("acct"), "name", "Globex", "owner", alice, "team", team))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    JsonPath task(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "type", "health-check", "title", "Check in"));
        body.putAll(fields);
        return Api.given().contentType(ContentType.JSON).body(body).when().post("/api/tasks").then().statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void my_work_lists_my_tasks_most_urgent_first_with_their_account_and_due_state() {
        task(Map.of("title", "low one", "priority", "LOW"));
        task(Map.of("title", "late one", "priority", "HIGH", "dueAt", Instant.now().minus(2, ChronoUnit.DAYS).toString()));
        task(Map.of("title", "urgent one", "priority", "URGENT"));
        ConsoleClient alicePage = ConsoleClient.login(alice);
        Document page = alicePage.page("/console/work");
        assertThat(page.select("#queue tbody tr a.task-link").eachText()).containsExactly("urgent one", "late one", "low one");
        assertThat(page.select("#queue tbody tr").get(1).select(".sla-overdue").text()).isEqualTo("overdue by 2 days");
        assertThat(page.select("#queue tbody tr .meta a").first().text()).isEqualTo("Globex");
        assertThat(page.select("nav[aria-label=Sections] a[aria-current=page]").text()).isEqualTo("My work");
        Document high = alicePage.page("/console/work?priority=HIGH&due=overdue");
        assertThat(high.select("#queue tbody tr a.task-link").eachText()).containsExactly("late one");
        Response bad = alicePage.get("/console/work?priority=SOMETIMES");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.asString()).select(".field-errors li[data-field=priority]").text())
                .contains("must be one of LOW, NORMAL, HIGH, URGENT");
    }

    @Test
    void the_queue_pages_with_a_cursor() {
        for (int i = 0; i < 27; i++) {
            task(Map.of("title", "task " + i));
        }
        ConsoleClient client = ConsoleClient.login(alice);
        Document first = client.page("/console/work");
        assertThat(first.select("#queue tbody tr")).hasSize(25);
        String next = first.selectFirst("#next-page").attr("href");
        Document second = client.page(next);
        assertThat(second.select("#queue tbody tr")).hasSize(2);
        assertThat(second.select("#next-page")).isEmpty();
        assertThat(second.select("#first-page")).isNotEmpty();
    }

    @Test
    void a_task_is_started_ticked_commented_and_completed_without_a_page_reload() {
        long id = task(Map.of("checklist", List.of("Review usage"))).getLong("id");
        ConsoleClient client = ConsoleClient.login(alice);
        Document detail = Jsoup.parse(client.given().header("HX-Request", "true").get("/console/tasks/" + id).asString());
        assertThat(detail.select("#task-detail")).hasSize(1);
        assertThat(detail.select("header.top")).isEmpty();
        Response started = client.htmx("/console/tasks/" + id + "/start", Map.of("version", 0));
        assertThat(started.statusCode()).isEqualTo(200);
        Document now = Jsoup.parse(started.asString());
        assertThat(now.select("#task-status").text()).isEqualTo("in progress");
        assertThat(now.select("#queue[hx-swap-oob]")).as("the queue beside it is refreshed").hasSize(1);
        client.htmx("/console/tasks/" + id + "/checklist/0", Map.of("version", 1, "done", "true")).then().statusCode(200);
        client.htmx("/console/tasks/" + id + "/comments", Map.of("text", "Called the sponsor")).then().statusCode(200);
        Document done = Jsoup.parse(client.htmx("/console/tasks/" + id + "/complete",
                Map.of("version", 3, "outcome", "Healthy, renewal on track")).asString());
        assertThat(done.select("#task-status").text()).isEqualTo("done");
        assertThat(done.select("#history li .kind").eachText()).containsExactly("status", "comment", "checklist", "status",
                "created");
        Api.given().when().get("/api/tasks/" + id).then().statusCode(200)
                .body("task.outcome", org.hamcrest.Matchers.equalTo("Healthy, renewal on track"));
    }

    @Test
    void a_form_without_javascript_redirects_back_and_bad_input_changes_nothing() {
        long id = task(Map.of()).getLong("id");
        ConsoleClient client = ConsoleClient.login(alice);
        client.page("/console/tasks/" + id);
        Response blank = client.submit("/console/tasks/" + id + "/complete", Map.of("version", 0, "outcome", "  "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(blank.asString()).select(".field-errors li[data-field=outcome]").text()).contains("outcome");
        Response snoozed = client.submit("/console/tasks/" + id + "/snooze",
                Map.of("version", 0, "days", 3, "_return", "/console/work?view=mine"));
        assertThat(snoozed.statusCode()).isEqualTo(303);
        assertThat(snoozed.header("Location")).endsWith("/console/work?view=mine");
        Response offsite = client.submit("/console/tasks/" + id + "/comments", Map.of("text", "x", "_return", "//evil.example/"));
        assertThat(offsite.header("Location")).endsWith("/console/tasks/" + id);
        Api.given().when().get("/api/tasks/" + id).then().body("task.status", org.hamcrest.Matchers.equalTo("SNOOZED"));
    }

    @Test
    void a_stale_edit_is_refused_with_a_reload_and_overwrites_nothing() {
        long id = task(Map.of()).getLong("id");
        ConsoleClient client = ConsoleClient.login(alice);
        Api.given().contentType(ContentType.JSON).body(Map.of("text", "meanwhile")).post("/api/tasks/" + id + "/comments");
        Api.given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("assignee", alice, "team", team))
                .post("/api/tasks/" + id + "/reassign").then().statusCode(200);
        Response stale = client.htmx("/console/tasks/" + id + "/dismiss", Map.of("version", 0, "reason", "duplicate"));
        assertThat(stale.statusCode()).isEqualTo(412);
        Document alert = Jsoup.parse(stale.asString());
        assertThat(alert.select(".problem[role=alert]").text()).contains("Someone changed this after you opened it");
        assertThat(alert.select("a.reload").text()).isEqualTo("Reload");
        Api.given().when().get("/api/tasks/" + id).then().body("task.status", org.hamcrest.Matchers.equalTo("OPEN"));
    }

    @Test
    void a_cme_gets_not_found_for_a_task_outside_their_queue() {
        long id = task(Map.of()).getLong("id");
        String bob = ConsoleClient.person("bob", Api.uniqueName("other"), Roles.CME);
        ConsoleClient client = ConsoleClient.login(bob);
        Response page = client.get("/console/tasks/" + id);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(page.asString()).select(".problem").text()).contains("not in your book");
        client.page("/console/work");
        assertThat(client.submit("/console/tasks/" + id + "/start", Map.of("version", 0)).statusCode()).isEqualTo(404);
    }

    @Test
    void the_team_queue_shows_unassigned_work_and_claims_the_most_urgent() {
        String other = Api.uniqueName("ownerless");
        long orphan = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("acct"), "name", "Initech", "team", team))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> body = new HashMap<>(Map.of("accountId", orphan, "type", "onboarding", "title", other,
                "priority", "HIGH", "team", team));
        long id = Api.given().contentType(ContentType.JSON).body(body).post("/api/tasks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        ConsoleClient client = ConsoleClient.login(alice);
        Document queue = client.page("/console/work?view=team");
        assertThat(queue.select("#task-" + id + " td").last().text()).isEqualTo("unassigned");
        Response claimed = client.htmx("/console/work/claim", Map.of("team", team));
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(claimed.asString()).select("#task-assignee").text()).startsWith(alice);
        Response empty = client.htmx("/console/work/claim", Map.of("team", team));
        assertThat(empty.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(empty.asString()).select(".problem").text()).contains("Queue empty");
    }
}
