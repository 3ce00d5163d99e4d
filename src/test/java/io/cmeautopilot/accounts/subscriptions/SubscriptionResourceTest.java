package io.cmeautopilot.accounts.subscriptions;

import static io.cmeautopilot.testing.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SubscriptionResourceTest {

    static long account() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("externalId", "sub-" + UUID.randomUUID(), "name", "Subscribed"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void put_creates_then_replaces_a_subscription() {
        long id = account();
        String path = "/api/accounts/" + id + "/subscriptions/main";
        given().contentType(ContentType.JSON)
                .body(Map.of("plan", "pro", "status", "ACTIVE", "seatsPurchased", 25, "arr", 30000.50,
                        "startDate", "2026-01-01", "renewalDate", "2027-01-01"))
                .when().put(path).then().statusCode(201).body("plan", equalTo("pro")).body("arr", equalTo(30000.5f));
        given().contentType(ContentType.JSON).body(Map.of("plan", "enterprise", "status", "ACTIVE"))
                .when().put(path).then().statusCode(200).body("plan", equalTo("enterprise")).body("seatsPurchased", equalTo(null));
        given().when().get("/api/accounts/" + id + "/subscriptions").then().statusCode(200).body("", hasSize(1));
        given().when().delete(path).then().statusCode(204);
        given().when().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalid_subscriptions_are_rejected_and_change_nothing() {
        long id = account();
        String path = "/api/accounts/" + id + "/subscriptions/bad";
        given().contentType(ContentType.JSON).body(Map.of("plan", "", "seatsPurchased", -1, "arr", 1.234))
                .when().put(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("plan", "status", "seatsPurchased", "arr"));
        given().contentType(ContentType.JSON)
                .body(Map.of("plan", "p", "status", "ACTIVE", "startDate", "2026-05-01", "renewalDate", "2026-04-01"))
                .when().put(path).then().statusCode(422).body("errors[0].field", equalTo("renewalDate"));
        given().when().get("/api/accounts/" + id + "/subscriptions").then().body("", hasSize(0));
    }

    @Test
    void subscriptions_of_an_unknown_account_are_404() {
        given().contentType(ContentType.JSON).body(Map.of("plan", "p", "status", "ACTIVE"))
                .when().put("/api/accounts/999999999/subscriptions/x").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/accounts/999999999/subscriptions").then().statusCode(404);
    }
}
