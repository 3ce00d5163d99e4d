package io.cmeautopilot.snapshot;

import static io.cmeautopilot.snapshot.Fixtures.days;
import static io.cmeautopilot.testing.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every metric of the snapshot with a fixed asOf (mid-morning, so window edges cut days in two)
 * and events placed on both sides of each edge.
 */
@QuarkusTest
class SnapshotResourceTest {

    static final Instant AS_OF = Instant.parse("2026-06-15T10:00:00Z");
    static final Instant SECOND_BEFORE = AS_OF.minusSeconds(1);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void engagement_windows_are_exact_at_their_edges() {
        long id = Fixtures.account(Map.of());
        String ext = Fixtures.externalId(id);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Instant at : List.of(
                SECOND_BEFORE,                 // 7d, 30d (edge day d0, raw)
                AS_OF,                         // none: windows end before asOf
                days(AS_OF, 0.1),              // none: after asOf, same day
                days(AS_OF, -3),               // 7d, 30d (roll-up)
                days(AS_OF, -7),               // 7d, 30d: exactly on the 7-day edge
                days(AS_OF, -7).minusSeconds(1),   // 30d only (edge day d7)
                days(AS_OF, -7).plusSeconds(13 * 3600), // 7d, 30d (edge day d7, after the boundary)
                days(AS_OF, -20),              // 30d (roll-up)
                days(AS_OF, -30),              // 30d: exactly on the 30-day edge
                days(AS_OF, -30).minusSeconds(1),  // prev30
                days(AS_OF, -45),              // prev30 (roll-up)
                days(AS_OF, -60),              // prev30: exactly on the 60-day edge
                days(AS_OF, -60).minusSeconds(1))) { // none
            events.add(Fixtures.usage(ext, "login", at, "u1", null, 1));
        }
        Fixtures.post("/api/signals/usage-events", events);

        JsonPath s = Fixtures.snapshot(id, AS_OF);
        assertThat(s.getDouble("account.logins7d")).isEqualTo(4);
        assertThat(s.getDouble("account.logins30d")).isEqualTo(7);
        assertThat(s.getDouble("account.loginsPrev30d")).isEqualTo(3);
        assertThat(s.getDouble("account.loginTrend")).isEqualTo((7 - 3) / 3.0);
        assertThat(s.getDouble("account.daysSinceLastLogin")).isEqualTo(0);

        JsonPath later = Fixtures.snapshot(id, days(AS_OF, 10.2));
        assertThat(later.getDouble("account.daysSinceLastLogin")).isEqualTo(10); // last login at asOf+0.1d
    }

    @Test
    void users_features_usage_and_errors_are_counted_in_their_windows() {
        long id = Fixtures.account(Map.of());
        String ext = Fixtures.externalId(id);
        Fixtures.subscription(id, "main", Map.of("plan", "pro", "status", "ACTIVE", "seatsPurchased", 10,
                "usageLimit", 1000, "featuresAvailable", 4, "arr", 12000));
        List<Map<String, Object>> e = new ArrayList<>();
        e.add(Fixtures.usage(ext, "login", SECOND_BEFORE, "ann", null, 1));
        e.add(Fixtures.usage(ext, "login", days(AS_OF, -20), "ann", null, 1));
        e.add(Fixtures.usage(ext, "login", days(AS_OF, -20), "bob", null, 1));
        e.add(Fixtures.usage(ext, "login", days(AS_OF, -31), "cid", null, 1));
        for (int i = 0; i < 3; i++) {
            e.add(Fixtures.usage(ext, "feature_use", days(AS_OF, -2), "ann", "reports", 1));
        }
        e.add(Fixtures.usage(ext, "feature_use", days(AS_OF, -40), "bob", "export", 1));
        e.add(Fixtures.usage(ext, "api_call", days(AS_OF, -5), null, null, 500));
        e.add(Fixtures.usage(ext, "api_call", days(AS_OF, -29.9), null, null, 300));
        e.add(Fixtures.usage(ext, "api_call", days(AS_OF, -30.1), null, null, 1000));
        e.add(Fixtures.usage(ext, "error", days(AS_OF, -6), null, null, 1));
        e.add(Fixtures.usage(ext, "error", days(AS_OF, -7.5), null, null, 1));
        e.add(Fixtures.usage(ext, "error", days(AS_OF, -8), null, null, 1));
        e.add(Fixtures.usage(ext, "error", days(AS_OF, -14).minusSeconds(1), null, null, 1));
        Fixtures.post("/api/signals/usage-events", e);

        JsonPath s = Fixtures.snapshot(id, AS_OF);
        assertThat(s.getDouble("account.activeUsers7d")).isEqualTo(1);   // ann
        assertThat(s.getDouble("account.activeUsers30d")).isEqualTo(2);  // ann, bob
        assertThat(s.getDouble("account.seatsActive")).isEqualTo(2);
        assertThat(s.getDouble("account.seatUtilization")).isEqualTo(0.2);
        assertThat(s.getDouble("account.featuresUsed30d")).isEqualTo(1);
        assertThat(s.getDouble("account.featureAdoption")).isEqualTo(0.25);
        assertThat(s.getDouble("account.usageUsed")).isEqualTo(800);
        assertThat(s.getDouble("account.usageVsLimit")).isEqualTo(0.8);
        assertThat(s.getDouble("account.errors7d")).isEqualTo(1);
        assertThat(s.getDouble("account.errorsPrev7d")).isEqualTo(2);
        assertThat(s.getList("features.feature")).containsExactly("export", "reports");
        assertThat(s.getDouble("features[1].uses30d")).isEqualTo(3);
        assertThat(s.getDouble("features[1].lastUsedDaysAgo")).isEqualTo(2);
        assertThat(s.getDouble("features[0].uses30d")).isEqualTo(0);
        assertThat(s.getDouble("features[0].usesPrev30d")).isEqualTo(1);
        assertThat(s.getDouble("features[0].lastUsedDaysAgo")).isEqualTo(40);
    }

    @Test
    void tickets_count_by_their_state_at_as_of() {
        long id = Fixtures.account(Map.of());
        String ext = Fixtures.externalId(id);
        Fixtures.post("/api/signals/tickets", List.of(
                Fixtures.ticket(ext, "T1", "opened", "normal", days(AS_OF, -40)),
                Fixtures.ticket(ext, "T1", "closed", "normal", days(AS_OF, -10)),
                Fixtures.ticket(ext, "T2", "opened", "critical", days(AS_OF, -5)),
                Fixtures.ticket(ext, "T3", "opened", "normal", days(AS_OF, -3)),
                Fixtures.ticket(ext, "T3", "closed", "normal", days(AS_OF, 0.05)),  // closed after asOf
                Fixtures.ticket(ext, "T4", "opened", "high", days(AS_OF, -20)),
                Fixtures.ticket(ext, "T4", "updated", "critical", days(AS_OF, -2)),
                Fixtures.ticket(ext, "T5", "opened", "critical", days(AS_OF, 1))));  // after asOf
        JsonPath s = Fixtures.snapshot(id, AS_OF);
        assertThat(s.getDouble("account.openTickets")).isEqualTo(3);        // T2, T3, T4
        assertThat(s.getDouble("account.ticketsOpened30d")).isEqualTo(3);   // T2, T3, T4
        assertThat(s.getDouble("account.criticalTickets30d")).isEqualTo(2); // T2, T4 (critical by asOf)
    }

    @Test
    void sentiment_uses_the_latest_answers_before_as_of() {
        long id = Fixtures.account(Map.of());
        String ext = Fixtures.externalId(id);
        Fixtures.post("/api/signals/surveys", List.of(
                Fixtures.survey(ext, "nps", 9, days(AS_OF, -60)),
                Fixtures.survey(ext, "nps", 4, days(AS_OF, -10)),
                Fixtures.survey(ext, "csat", 3, days(AS_OF, -5)),
                Fixtures.survey(ext, "nps", 10, days(AS_OF, 1))));
        JsonPath s = Fixtures.snapshot(id, AS_OF);
        assertThat(s.getDouble("account.latestNps")).isEqualTo(4);
        assertThat(s.getDouble("account.npsDelta")).isEqualTo(-5);
        assertThat(s.getDouble("account.latestCsat")).isEqualTo(3);
        assertThat(s.getDouble("account.daysSinceLastSurvey")).isEqualTo(5);
    }

    @Test
    void contract_metrics_come_from_current_subscriptions() {
        long id = Fixtures.account(Map.of("signupDate", "2026-03-07", "goLiveDate", "2026-03-27", "stage", "ADOPTION",
                "attributes", Map.of("Contract", "Enterprise", "Seats", 40,
                        "Kickoff", Map.of("type", "date", "value", "2026-03-10"))));
        Fixtures.subscription(id, "S1", Map.of("plan", "pro", "status", "ACTIVE", "arr", 12000, "seatsPurchased", 10,
                "renewalDate", "2026-07-30", "licenceExpiry", "2026-07-05", "startDate", "2026-03-01"));
        Fixtures.subscription(id, "S2", Map.of("plan", "legacy", "status", "CANCELLED", "arr", 99999));
        Fixtures.subscription(id, "S3", Map.of("plan", "addon", "status", "TRIAL", "mrr", 100,
                "renewalDate", "2026-09-23"));
        Fixtures.subscription(id, "S4", Map.of("plan", "future", "status", "ACTIVE", "arr", 50000,
                "startDate", "2026-07-01"));
        JsonPath s = Fixtures.snapshot(id, AS_OF);
        assertThat(s.getString("account.plan")).isEqualTo("pro");
        assertThat(s.getDouble("account.arr")).isEqualTo(13200);
        assertThat(s.getDouble("account.mrr")).isEqualTo(1100);
        assertThat(s.getDouble("account.seatsPurchased")).isEqualTo(10);
        assertThat(s.getString("account.renewalDate")).isEqualTo("2026-07-30");
        assertThat(s.getDouble("account.daysToRenewal")).isEqualTo(45);
        assertThat(s.getDouble("account.daysToLicenceExpiry")).isEqualTo(20);
        assertThat(s.getDouble("account.daysSinceSignup")).isEqualTo(100);
        assertThat(s.getDouble("account.daysSinceGoLive")).isEqualTo(80);
        assertThat(s.getString("account.stage")).isEqualTo("ADOPTION");
        assertThat(s.getString("account.attributes.Contract")).isEqualTo("Enterprise");
        assertThat(s.getDouble("account.attributes.Seats")).isEqualTo(40);
        assertThat(s.getString("account.attributes.Kickoff")).isEqualTo("2026-03-10");
    }

    @Test
    void cme_touch_is_the_last_task_a_person_completed_and_open_tasks_are_counted() throws Exception {
        long id = Fixtures.account(Map.of());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tasks (account_id, type, title, priority, status, origin, created_by, closed_at, closed_by,
                                   created_at, updated_at)
                VALUES (?, 'call', 'task', 'NORMAL', ?, 'manual', 'alice', ?, ?, ?, ?)""")) {
            Object[][] tasks = {
                    { "DONE", days(AS_OF, -12), "alice", days(AS_OF, -20) },      // the touch: 12 days
                    { "DONE", days(AS_OF, -30), "bob", days(AS_OF, -40) },        // an older touch
                    { "DONE", days(AS_OF, -2), "system", days(AS_OF, -20) },      // auto-resolved: not a touch
                    { "DISMISSED", days(AS_OF, -1), "alice", days(AS_OF, -20) },  // dismissed: not a touch
                    { "DONE", days(AS_OF, 1), "alice", days(AS_OF, -20) },        // after asOf
                    { "OPEN", null, null, days(AS_OF, -5) },                      // open: counted
                    { "SNOOZED", null, null, days(AS_OF, -5) },                   // snoozed: counted
                    { "OPEN", null, null, days(AS_OF, 2) } };                     // made after asOf
            for (Object[] t : tasks) {
                ps.setLong(1, id);
                ps.setString(2, (String) t[0]);
                ps.setObject(3, t[1] == null ? null : ((Instant) t[1]).atOffset(ZoneOffset.UTC));
                ps.setString(4, (String) t[2]);
                ps.setObject(5, ((Instant) t[3]).atOffset(ZoneOffset.UTC));
                ps.setObject(6, ((Instant) t[3]).atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        JsonPath s = Fixtures.snapshot(id, AS_OF);
        assertThat(s.getInt("account.daysSinceLastTouch")).isEqualTo(12);
        assertThat(s.getInt("account.openTaskCount")).isEqualTo(2);
    }

    @Test
    void an_account_without_data_has_explicit_nulls_not_zeros() {
        long id = Fixtures.account(Map.of());
        JsonPath s = Fixtures.snapshot(id, AS_OF);
        for (String metric : List.of("logins7d", "logins30d", "loginTrend", "daysSinceLastLogin", "activeUsers30d",
                "seatsActive", "seatUtilization", "usageUsed", "featuresUsed30d", "errors7d", "latestNps", "npsDelta",
                "latestCsat", "plan", "arr", "seatsPurchased", "renewalDate", "daysToRenewal", "daysSinceSignup",
                "healthScore", "daysSinceLastTouch")) {
            assertThat(s.getString("account." + metric)).as(metric).isNull();
        }
        assertThat(s.getDouble("account.openTickets")).isEqualTo(0);
        assertThat(s.getDouble("account.openTaskCount")).isEqualTo(0);
        assertThat(s.getList("features")).isEmpty();
    }

    @Test
    void unknown_account_and_bad_as_of_are_problems() {
        given().when().get("/api/accounts/987654321/snapshot").then().statusCode(404)
                .contentType("application/problem+json");
        long id = Fixtures.account(Map.of());
        given().queryParam("asOf", "last tuesday").when().get("/api/accounts/" + id + "/snapshot")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }
}
