package io.cmeautopilot.accounts;

import static io.cmeautopilot.testing.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Deleting an account erases everything stored about it; other accounts keep theirs. */
@QuarkusTest
class AccountDeletionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void deleting_an_account_deletes_its_subscriptions_signals_and_roll_ups() throws Exception {
        String gone = "gone-" + UUID.randomUUID();
        String kept = "kept-" + UUID.randomUUID();
        long goneId = AccountResourceTest.createAccount(gone);
        long keptId = AccountResourceTest.createAccount(kept);
        for (String ext : List.of(gone, kept)) {
            given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", UUID.randomUUID().toString(),
                    "account", ext, "type", "login", "userId", "u", "occurredAt", "2026-06-01T10:00:00Z")))
                    .when().post("/api/signals/usage-events").then().statusCode(200);
            given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", UUID.randomUUID().toString(),
                    "account", ext, "ticketId", "T", "action", "opened", "occurredAt", "2026-06-01T10:00:00Z")))
                    .when().post("/api/signals/tickets").then().statusCode(200);
            given().contentType(ContentType.JSON).body(List.of(Map.of("eventId", UUID.randomUUID().toString(),
                    "account", ext, "kind", "nps", "score", 7, "answeredAt", "2026-06-01T10:00:00Z")))
                    .when().post("/api/signals/surveys").then().statusCode(200);
        }
        for (long id : List.of(goneId, keptId)) {
            given().contentType(ContentType.JSON).body(Map.of("plan", "p", "status", "ACTIVE"))
                    .when().put("/api/accounts/" + id + "/subscriptions/s").then().statusCode(201);
        }

        given().when().delete("/api/accounts/" + goneId).then().statusCode(204);

        for (String table : List.of("subscriptions", "usage_events", "usage_daily", "user_daily", "ticket_events",
                "survey_responses")) {
            assertThat(rows(table, goneId)).as(table + " of the deleted account").isZero();
            assertThat(rows(table, keptId)).as(table + " of the other account").isPositive();
        }
    }

    private long rows(String table, long accountId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE account_id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
