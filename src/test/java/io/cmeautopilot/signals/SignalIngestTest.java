package io.cmeautopilot.signals;

import static io.cmeautopilot.testing.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SignalIngestTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Instant WHEN = Instant.parse("2026-06-01T12:00:00Z");

    static String newAccount() {
        String ext = "sig-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("externalId", ext, "name", "Signals Inc"))
                .when().post("/api/accounts").then().statusCode(201);
        return ext;
    }

    static Map<String, Object> login(String eventId, String account, Instant at) {
        return Map.of("eventId", eventId, "account", account, "type", "login", "userId", "u1", "occurredAt", at.toString());
    }

    @Test
    void a_batch_is_idempotent_by_event_id_across_and_within_batches() {
        String account = newAccount();
        String id1 = UUID.randomUUID().toString(), id2 = UUID.randomUUID().toString();
        List<Map<String, Object>> batch = List.of(login(id1, account, WHEN), login(id2, account, WHEN), login(id1, account, WHEN));
        given().contentType(ContentType.JSON).body(batch).when().post("/api/signals/usage-events")
                .then().statusCode(200)
                .body("received", equalTo(3)).body("accepted", equalTo(2))
                .body("duplicates", equalTo(1)).body("rejected", equalTo(0));
        given().contentType(ContentType.JSON).body(batch).when().post("/api/signals/usage-events")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(3));
    }

    @Test
    void redelivered_events_do_not_count_twice_in_the_snapshot() {
        String account = newAccount();
        List<Map<String, Object>> batch = List.of(login(UUID.randomUUID().toString(), account, WHEN.minus(3, ChronoUnit.DAYS)));
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(batch).when().post("/api/signals/usage-events").then().statusCode(200);
        }
        long id = given().when().get("/api/accounts/by-external-id/" + account).then().extract().jsonPath().getLong("id");
        given().queryParam("asOf", WHEN.toString()).when().get("/api/accounts/" + id + "/snapshot")
                .then().statusCode(200).body("account.logins7d", equalTo(1));
    }

    @Test
    void invalid_items_are_rejected_with_reasons_and_good_items_are_kept() {
        String account = newAccount();
        List<Object> batch = new ArrayList<>();
        batch.add(login(UUID.randomUUID().toString(), account, WHEN));                                        // 0 good
        batch.add(Map.of("eventId", "x-" + UUID.randomUUID(), "account", account, "type", "teleport",
                "occurredAt", WHEN.toString()));                                                             // 1 bad type
        batch.add(Map.of("eventId", "x-" + UUID.randomUUID(), "account", "no-such-account", "type", "login",
                "occurredAt", WHEN.toString()));                                                             // 2 unknown account
        batch.add(Map.of("account", account, "type", "login", "occurredAt", "yesterday", "quantity", "many")); // 3 several
        batch.add("not an object");                                                                            // 4
        batch.add(Map.of("eventId", "x-" + UUID.randomUUID(), "account", account, "type", "feature_use",
                "occurredAt", WHEN.toString()));                                                             // 5 feature missing
        batch.add(Map.of("eventId", "x-" + UUID.randomUUID(), "account", account, "type", "login",
                "occurredAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));                          // 6 future
        given().contentType(ContentType.JSON).body(batch).when().post("/api/signals/usage-events")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(6))
                .body("errors.index", equalTo(List.of(1, 2, 3, 4, 5, 6)))
                .body("errors[0].reason", containsString("type: must be one of"))
                .body("errors[1].reason", containsString("no account has externalId 'no-such-account'"))
                .body("errors[2].reason", containsString("eventId: is required"))
                .body("errors[2].reason", containsString("occurredAt: must be an ISO-8601"))
                .body("errors[2].reason", containsString("quantity: must be a whole number"))
                .body("errors[3].reason", containsString("must be a JSON object"))
                .body("errors[4].reason", containsString("feature: is required"))
                .body("errors[5].reason", containsString("in the future"));
    }

    @Test
    void an_oversized_batch_is_refused_whole() {
        String account = newAccount();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            batch.add(login(UUID.randomUUID().toString(), account, WHEN));
        }
        given().contentType(ContentType.JSON).body(batch).when().post("/api/signals/usage-events")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("at most 10000"));
        long id = given().when().get("/api/accounts/by-external-id/" + account).then().extract().jsonPath().getLong("id");
        given().queryParam("asOf", WHEN.plusSeconds(1).toString()).when().get("/api/accounts/" + id + "/snapshot")
                .then().body("account.logins7d", equalTo(null));
    }

    @Test
    void a_batch_of_ten_thousand_is_accepted() {
        String account = newAccount();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(login(UUID.randomUUID().toString(), account, WHEN.minusSeconds(i)));
        }
        given().contentType(ContentType.JSON).body(batch).when().post("/api/signals/usage-events")
                .then().statusCode(200).body("accepted", equalTo(10_000));
    }

    @Test
    void malformed_json_and_a_non_array_body_are_bad_requests() {
        given().contentType(ContentType.JSON).body("[{\"eventId\": ").when().post("/api/signals/usage-events")
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON).body("{\"eventId\": \"x\"}").when().post("/api/signals/tickets")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("JSON array"));
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/signals/surveys")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void tickets_and_surveys_validate_their_own_fields() {
        String account = newAccount();
        given().contentType(ContentType.JSON).body(List.of(
                Map.of("eventId", UUID.randomUUID().toString(), "account", account, "ticketId", "T-1",
                        "action", "opened", "severity", "critical", "occurredAt", WHEN.toString()),
                Map.of("eventId", UUID.randomUUID().toString(), "account", account, "ticketId", "T-1",
                        "action", "reopened", "severity", "urgent", "occurredAt", WHEN.toString())))
                .when().post("/api/signals/tickets")
                .then().statusCode(200).body("accepted", equalTo(1)).body("errors", hasSize(1))
                .body("errors[0].reason", containsString("action: must be one of"))
                .body("errors[0].reason", containsString("severity: must be one of"));
        given().contentType(ContentType.JSON).body(List.of(
                Map.of("eventId", UUID.randomUUID().toString(), "account", account, "kind", "nps", "score", 9,
                        "answeredAt", WHEN.toString()),
                Map.of("eventId", UUID.randomUUID().toString(), "account", account, "kind", "nps", "score", 11,
                        "answeredAt", WHEN.toString()),
                Map.of("eventId", UUID.randomUUID().toString(), "account", account, "kind", "csat", "score", 0,
                        "answeredAt", WHEN.toString()),
                Map.of("eventId", UUID.randomUUID().toString(), "account", account, "kind", "csat",
                        "answeredAt", WHEN.toString())))
                .when().post("/api/signals/surveys")
                .then().statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(3))
                .body("errors[0].reason", containsString("between 0 and 10"))
                .body("errors[1].reason", containsString("between 1 and 5"))
                .body("errors[2].reason", containsString("score: is required"));
    }
}
