package io.cmeautopilot.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The roll-ups kept by ingestion are exactly what a rebuild from the raw events produces. */
@QuarkusTest
class UsageRollupsTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    UsageRollups rollups;

    @Test
    void incremental_roll_ups_equal_a_rebuild_from_raw_events() throws Exception {
        // Other tests have ingested plenty of events through the API by now; add a few of our own.
        String account = SignalIngestTest.newAccount();
        io.cmeautopilot.testing.Api.given().contentType(io.restassured.http.ContentType.JSON)
                .body(List.of(SignalIngestTest.login(java.util.UUID.randomUUID().toString(), account,
                        java.time.Instant.parse("2026-04-01T23:59:59Z"))))
                .when().post("/api/signals/usage-events").then().statusCode(200);
        List<String> before = dump();
        assertThat(before).isNotEmpty();
        rollups.rebuild();
        assertThat(dump()).containsExactlyElementsOf(before);
    }

    private List<String> dump() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT account_id, day, event_type, feature, events, quantity, last_at "
                    + "FROM usage_daily ORDER BY 1, 2, 3, 4")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "|" + rs.getDate(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                            + rs.getLong(5) + "|" + rs.getLong(6) + "|" + rs.getTimestamp(7).toInstant());
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT account_id, day, user_id FROM user_daily ORDER BY 1, 2, 3")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "|" + rs.getDate(2) + "|" + rs.getString(3));
                }
            }
        }
        return rows;
    }
}
