package io.cmeautopilot.health.report;

import static io.cmeautopilot.snapshot.Fixtures.days;
import static io.cmeautopilot.testing.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.cmeautopilot.health.HealthFixture;
import io.cmeautopilot.snapshot.Fixtures;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The monthly report of a small fixture against hand-computed numbers, as JSON and as HTML (parsed
 * with jsoup: structure, charts, numbers, escaping, nothing external).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthReportTest {

    // Set up once for the class, in the first test (RestAssured knows the test port only then).

    static final String NAME = "Acme <b>Bold</b> & \"Co\"";
    HealthFixture account;
    Instant t0;

    @BeforeEach
    void fixture() {
        if (account != null) {
            return;
        }
        t0 = Instant.now();
        account = HealthFixture.healthy(t0, "report-owner", Api.uniqueName("team"));
        given().contentType(ContentType.JSON).body(Map.of("name", NAME)).when().patch("/api/accounts/" + account.id)
                .then().statusCode(200);
        String ext = account.externalId;
        List<Map<String, Object>> usage = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            usage.add(error(ext, days(t0, -day), Map.of("code", "E42")));
        }
        usage.add(error(ext, days(t0, -4), Map.of("code", "E7")));
        usage.add(Fixtures.usage(ext, "error", days(t0, -6), null, "export", 1));
        usage.add(error(ext, days(t0, -35), Map.of("code", "E42")));  // before the period
        usage.add(Fixtures.usage(ext, "feature_use", days(t0, -40), "old0", "dashboards", 1));
        Fixtures.post("/api/signals/usage-events", usage);
        Fixtures.post("/api/signals/tickets", List.of(
                ticket(ext, "T1", "opened", "normal", "billing", days(t0, -40)),
                ticket(ext, "T1", "closed", "normal", "billing", days(t0, -20)),
                ticket(ext, "T2", "opened", "critical", "outage", days(t0, -10)),
                ticket(ext, "T2", "closed", "critical", "outage", days(t0, -9)),
                ticket(ext, "T3", "opened", "high", "outage", days(t0, -5)),
                ticket(ext, "T4", "opened", "critical", "login", days(t0, -3)),
                ticket(ext, "T4", "updated", "low", "login", days(t0, -1)),
                ticket(ext, "T5", "opened", "normal", null, days(t0, -50))));
        Fixtures.post("/api/signals/surveys", List.of(Fixtures.survey(ext, "nps", 6, days(t0, -40)),
                Fixtures.survey(ext, "nps", 10, days(t0, -45)), Fixtures.survey(ext, "nps", 3, days(t0, -70)),
                Fixtures.survey(ext, "csat", 2, days(t0, -50)), Fixtures.survey(ext, "nps", 10, days(t0, -5))));
        given().contentType(ContentType.JSON).body(Map.of("accountId", account.id, "type", "custom",
                "title", "Call the sponsor", "priority", "HIGH")).when().post("/api/tasks").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("accountIds", List.of(account.id)))
                .when().post("/api/health/scores").then().statusCode(200);
    }

    static Map<String, Object> error(String ext, Instant at, Map<String, Object> properties) {
        Map<String, Object> e = Fixtures.usage(ext, "error", at, null, null, 1);
        e.put("properties", properties);
        return e;
    }

    static Map<String, Object> ticket(String ext, String id, String action, String severity, String category, Instant at) {
        Map<String, Object> t = new HashMap<>(Fixtures.ticket(ext, id, action, severity, at));
        if (category != null) {
            t.put("category", category);
        }
        return t;
    }

    /** Logins per week, oldest first: the fixture's logins fall 2-11 and 31-40 days before t0. */
    static final List<Integer> WEEKLY_LOGINS = List.of(0, 0, 0, 0, 0, 0, 0, 6, 4, 0, 0, 5, 5);
    static final List<Integer> WEEKLY_USERS = List.of(0, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 5, 5);

    @Test
    void the_json_report_holds_the_hand_computed_numbers() {
        JsonPath r = given().when().get("/api/accounts/" + account.id + "/health/report").then().statusCode(200)
                .extract().jsonPath();
        assertThat(r.getString("account.name")).isEqualTo(NAME);
        // Score 86 minus error trend (100 -> 0 points, weight 5) and one critical ticket (100 -> 60, weight 10)
        // and 3 open tickets (100 -> 87.5, weight 5): 85.75 - 5 - 4 - 0.625 = 76.12 -> 76.
        assertThat(r.getInt("health.current.score")).isEqualTo(76);
        assertThat(r.getString("health.current.grade")).isEqualTo("GREEN");
        assertThat(r.getList("health.history.score")).containsExactly(76);
        assertThat(r.getString("health.changes")).isNull(); // no score 30 days ago
        assertThat(r.getList("featureRanking.feature")).containsExactly("reports", "export", "dashboards");
        assertThat(r.getList("featureRanking.uses")).containsExactly(2, 1, 0);
        assertThat(r.getList("featureRanking.change")).containsExactly(2, 1, -1);
        assertThat(r.getList("usageTrend.logins")).isEqualTo(WEEKLY_LOGINS);
        assertThat(r.getList("usageTrend.activeUsers")).isEqualTo(WEEKLY_USERS);
        assertThat(r.getList("topErrors.error")).containsExactly("E42", "E7", "export");
        assertThat(r.getList("topErrors.count")).containsExactly(3, 1, 1);
        assertThat(r.getInt("tickets.openedInPeriod")).isEqualTo(3);           // T2, T3, T4
        assertThat(r.getInt("tickets.closedInPeriod")).isEqualTo(2);           // T1, T2
        assertThat(r.getInt("tickets.openAtEnd")).isEqualTo(3);                // T3, T4, T5
        assertThat(r.getInt("tickets.criticalOpenedInPeriod")).isEqualTo(1);   // T2 (T4 is low now)
        assertThat(r.getMap("tickets.openBySeverity")).isEqualTo(Map.of("high", 1, "low", 1, "normal", 1));
        assertThat(r.getDouble("tickets.medianHoursToClose")).isEqualTo(252.0); // (480 h + 24 h) / 2
        assertThat(r.getList("tickets.topCategories.category")).containsExactly("outage", "login");
        assertThat(r.getInt("sentiment.latestNps")).isEqualTo(10);
        assertThat(r.getInt("sentiment.npsDelta")).isEqualTo(1);
        assertThat(r.getList("sentiment.periods.npsAnswers")).containsExactly(1, 2, 2);
        assertThat(r.getList("sentiment.periods.nps")).containsExactly(-100, 0, 100);
        assertThat(r.getList("sentiment.periods.averageCsat")).containsExactly(null, 2.0f, 4.0f);
        assertThat(r.getList("openWork.title")).containsExactly("Call the sponsor");
        assertThat(r.getList("recommendations.measure")).containsExactly("error-trend");
        assertThat(r.getString("recommendations[0].advice")).startsWith("Errors are rising.");
    }

    @Test
    void the_html_report_is_a_self_contained_printable_page_with_the_same_numbers() {
        String html = given().when().get("/api/accounts/" + account.id + "/health/report.html").then().statusCode(200)
                .contentType("text/html").extract().asString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.title()).startsWith("Health check: " + NAME);
        assertThat(doc.select("h1 b")).isEmpty(); // the name is text, not markup
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Health check: " + NAME);
        assertThat(doc.select("script, link, iframe, img, [src]")).isEmpty();
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "url(");

        assertThat(doc.select("section[id]").eachAttr("id")).containsExactly("health", "features", "usage", "errors",
                "tickets", "sentiment", "open-work", "recommendations");
        assertThat(doc.selectFirst("#score").text()).isEqualTo("76");
        assertThat(doc.selectFirst("#grade").text()).isEqualTo("GREEN");
        assertThat(doc.select("#measures tbody tr")).hasSize(10);
        assertThat(doc.selectFirst("#measures tr[data-measure=error-trend] td.points").text()).isEqualTo("0.0");
        assertThat(doc.selectFirst("#measures tr[data-measure=critical-tickets] td.points").text()).isEqualTo("60.0");

        assertThat(doc.select("svg")).hasSize(4);
        assertThat(doc.select("#health svg circle.dot")).hasSize(1);
        assertThat(doc.select("#health svg rect.band-green, #health svg rect.band-yellow, #health svg rect.band-red")).hasSize(3);
        assertThat(doc.select("#features svg rect.bar")).hasSize(3);
        assertThat(doc.select("#usage svg").get(1).select("rect.bar")).hasSize(13);
        assertThat(doc.select("#weeks td.logins").eachText()).isEqualTo(WEEKLY_LOGINS.stream().map(String::valueOf).toList());
        assertThat(doc.select("#weeks td.users").eachText()).isEqualTo(WEEKLY_USERS.stream().map(String::valueOf).toList());
        assertThat(doc.select("#feature-ranking td.uses").eachText()).containsExactly("2", "1", "0");
        assertThat(doc.select("#error-list tbody tr").eachText()).hasSize(3).first().asString().startsWith("E42 3");

        assertThat(cell(doc, "openedInPeriod")).isEqualTo("3");
        assertThat(cell(doc, "closedInPeriod")).isEqualTo("2");
        assertThat(cell(doc, "openAtEnd")).isEqualTo("3");
        assertThat(cell(doc, "criticalOpenedInPeriod")).isEqualTo("1");
        assertThat(cell(doc, "medianHoursToClose")).isEqualTo("252.0 h");
        assertThat(doc.select("#sentiment-trend td.nps").eachText()).containsExactly("-100", "0", "100");
        assertThat(doc.select("#sentiment-trend td.csat").eachText()).containsExactly("–", "2.0", "4.0");
        assertThat(doc.selectFirst("#latest-nps").text()).isEqualTo("10");
        assertThat(doc.select("#open-work td").eachText()).contains("Call the sponsor", "HIGH");
        Element advice = doc.selectFirst("#recommendations li[data-measure=error-trend]");
        assertThat(advice).isNotNull();
        assertThat(advice.text()).contains("Errors (7 days against the 7 before) scores 0 of 100 points", "Errors are rising.");
    }

    @Test
    void a_report_as_of_a_past_date_covers_the_30_days_before_that_date_and_knows_no_later_score() {
        String before = java.time.LocalDate.ofInstant(t0, java.time.ZoneOffset.UTC).minusDays(15).toString();
        JsonPath r = given().queryParam("date", before).when().get("/api/accounts/" + account.id + "/health/report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("health.current")).isNull();
        assertThat(r.getList("recommendations")).isEmpty();
        assertThat(r.getString("asOf")).endsWith("T00:00:00Z");
        Document doc = Jsoup.parse(given().queryParam("date", before).when()
                .get("/api/accounts/" + account.id + "/health/report.html").then().statusCode(200).extract().asString());
        assertThat(doc.selectFirst("#score").text()).isEqualTo("Not scored yet.");
        assertThat(doc.selectFirst("#health figure .empty").text()).isEqualTo("No health score in these 90 days.");
        given().queryParam("date", "last week").when().get("/api/accounts/" + account.id + "/health/report")
                .then().statusCode(422).contentType("application/problem+json");
    }

    private static String cell(Document doc, String key) {
        return doc.selectFirst("#ticket-summary td[data-k=" + key + "]").text();
    }
}
