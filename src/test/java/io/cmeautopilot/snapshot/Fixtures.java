package io.cmeautopilot.snapshot;

import static io.cmeautopilot.testing.Api.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** Builds accounts and signals through the public API, the way an integration would (shared with other features' tests). */
public final class Fixtures {

    private Fixtures() {
    }

    public static long account(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.putIfAbsent("externalId", "snap-" + UUID.randomUUID());
        body.putIfAbsent("name", "Snapshot Co");
        return given().contentType(ContentType.JSON).body(body).when().post("/api/accounts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static String externalId(long accountId) {
        return given().when().get("/api/accounts/" + accountId).then().extract().jsonPath().getString("externalId");
    }

    public static void subscription(long accountId, String externalId, Map<String, Object> fields) {
        given().contentType(ContentType.JSON).body(fields)
                .when().put("/api/accounts/" + accountId + "/subscriptions/" + externalId)
                .then().statusCode(201);
    }

    public static Map<String, Object> usage(String account, String type, Instant at, String user, String feature, long quantity) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("account", account);
        e.put("type", type);
        e.put("occurredAt", at.toString());
        e.put("quantity", quantity);
        if (user != null) {
            e.put("userId", user);
        }
        if (feature != null) {
            e.put("feature", feature);
        }
        return e;
    }

    public static Map<String, Object> ticket(String account, String ticketId, String action, String severity, Instant at) {
        return Map.of("eventId", UUID.randomUUID().toString(), "account", account, "ticketId", ticketId,
                "action", action, "severity", severity, "occurredAt", at.toString());
    }

    public static Map<String, Object> survey(String account, String kind, int score, Instant at) {
        return Map.of("eventId", UUID.randomUUID().toString(), "account", account, "kind", kind, "score", score,
                "answeredAt", at.toString());
    }

    public static void post(String path, List<Map<String, Object>> items) {
        for (int from = 0; from < items.size(); from += 10_000) {
            List<Map<String, Object>> batch = new ArrayList<>(items.subList(from, Math.min(items.size(), from + 10_000)));
            given().contentType(ContentType.JSON).body(batch).when().post(path)
                    .then().statusCode(200).body("rejected", org.hamcrest.Matchers.equalTo(0));
        }
    }

    public static JsonPath snapshot(long accountId, Instant asOf) {
        String json = given().queryParam("asOf", asOf.toString()).when().get("/api/accounts/" + accountId + "/snapshot")
                .then().statusCode(200).extract().asString();
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    public static Instant days(Instant t, double days) {
        return t.plus(Duration.ofSeconds(Math.round(days * 86_400)));
    }
}
