package io.cmeautopilot.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cmeautopilot.testing.Api;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Test helpers for notifications: endpoints over REST, enqueuing in a transaction, waiting for an outcome. */
public final class Notify {

    private Notify() {
    }

    /** Registers a webhook endpoint (admin) and returns its signing secret. */
    public static String webhook(String name, String url, String... eventTypes) {
        return Api.given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "WEBHOOK", "url", url, "eventTypes", List.of(eventTypes)))
                .when().post("/api/notify/endpoints").then().statusCode(201).extract().jsonPath().getString("secret");
    }

    public static void slack(String name, String url) {
        Api.given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "SLACK", "url", url))
                .when().post("/api/notify/endpoints").then().statusCode(201);
    }

    /** Enqueues in a transaction of its own that commits, as an action would. */
    public static long enqueue(OutboundMessage message) {
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(message));
    }

    public static OutboundMessage.Builder toEndpoint(String endpoint, String sourceKey) {
        return OutboundMessage.builder("rule.notification", DeliveryChannel.WEBHOOK,
                OutboundMessage.Recipient.endpoint(endpoint), sourceKey).subject("Hello").text("Body text");
    }

    public static JsonPath message(long id) {
        return Api.given().when().get("/api/notify/messages/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits (bounded) until the message has this status, and returns it. */
    public static JsonPath awaitStatus(long id, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonPath m = message(id);
            assertThat(m.getString("message.status")).as("message %d: %s", id, m.prettify()).isEqualTo(status);
        });
        return message(id);
    }

    /** Waits until the message has had at least this many attempts. */
    public static JsonPath awaitAttempts(long id, int attempts) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonPath m = message(id);
            assertThat(m.getInt("message.attempts")).as("message %d: %s", id, m.prettify()).isGreaterThanOrEqualTo(attempts);
        });
        return message(id);
    }

    public static void deleteEndpoint(String name) {
        Api.given().when().delete("/api/notify/endpoints/" + name).then().statusCode(anyOf(is(204), is(404)));
    }
}
