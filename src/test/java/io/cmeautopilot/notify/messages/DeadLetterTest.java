package io.cmeautopilot.notify.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.Receiver;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Retries run out into the dead letters; a replay sends the same message again; 410 Gone disables the endpoint. */
@QuarkusTest
class DeadLetterTest {

    private final Receiver receiver = Receiver.start(r -> 503);

    @AfterEach
    void clean_up() {
        receiver.close();
        TestClock.reset();
    }

    @Test
    void a_message_failing_every_attempt_of_the_schedule_is_dead_lettered_and_a_replay_delivers_it_with_the_same_id() {
        String endpoint = Api.uniqueName("down");
        Notify.webhook(endpoint, receiver.url());
        long id = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("dead")).build());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            TestClock.advance(Duration.ofHours(3)); // the default schedule: 8 attempts over ~27.6 hours
            return "DEAD".equals(Notify.message(id).getString("message.status"));
        });
        JsonPath dead = Notify.message(id);
        assertThat(dead.getInt("message.attempts")).isEqualTo(8);
        assertThat(dead.getList("attempts.outcome")).hasSize(8).containsOnly("FAILED");
        assertThat(dead.getList("attempts.statusCode")).containsOnly(503);
        assertThat(dead.getString("message.lastError")).isEqualTo("HTTP 503: nope");
        assertThat(dead.getString("message.finishedAt")).isNotNull();
        assertThat(receiver.requests()).hasSize(8);
        Api.given().queryParam("status", "DEAD").queryParam("recipient", endpoint).when().get("/api/notify/messages")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) id)));

        receiver.answer(r -> 200);
        Api.as(Api.keyWithRoles(Roles.OPS)).when().post("/api/notify/messages/" + id + "/replay").then().statusCode(200)
                .body("status", is("PENDING"));
        JsonPath delivered = Notify.awaitStatus(id, "DELIVERED");
        assertThat(delivered.getInt("message.attempts")).isEqualTo(9);
        assertThat(receiver.withId(dead.getString("message.messageId"))).hasSize(9);
        Api.given().queryParam("action", "replay").when().get("/api/audit").then()
                .body("items.targetId", hasItem(Long.toString(id)));
    }

    @Test
    void only_a_dead_letter_can_be_replayed() {
        receiver.answer(r -> 200);
        String endpoint = Api.uniqueName("ok");
        Notify.webhook(endpoint, receiver.url());
        long id = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("fine")).build());
        Notify.awaitStatus(id, "DELIVERED");

        Api.given().when().post("/api/notify/messages/" + id + "/replay").then().statusCode(409)
                .body("type", is("https://cme-autopilot.io/problems/conflict"));
        Api.given().when().post("/api/notify/messages/999999999/replay").then().statusCode(404);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void a_410_gone_dead_letters_the_message_and_disables_the_endpoint_until_it_is_resumed() {
        receiver.answer(r -> 410);
        String endpoint = Api.uniqueName("gone");
        Notify.webhook(endpoint, receiver.url());
        long first = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("gone")).build());

        JsonPath dead = Notify.awaitStatus(first, "DEAD");
        assertThat(dead.getString("attempts[0].outcome")).isEqualTo("REJECTED");
        assertThat(dead.getInt("attempts[0].statusCode")).isEqualTo(410);
        Api.given().when().get("/api/notify/endpoints/" + endpoint).then().statusCode(200)
                .body("state", is("DISABLED")).body("stateReason", org.hamcrest.Matchers.containsString("410 Gone"));

        long second = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("after")).build());
        assertThat(Notify.awaitStatus(second, "DEAD").getString("message.lastError"))
                .startsWith("endpoint " + endpoint + " is disabled");
        assertThat(receiver.requests()).hasSize(1);

        receiver.answer(r -> 200);
        Api.given().when().post("/api/notify/endpoints/" + endpoint + "/resume").then().statusCode(200)
                .body("state", is("ACTIVE"));
        Api.given().contentType(ContentType.JSON).body(Map.of("recipient", endpoint))
                .when().post("/api/notify/messages/replay").then().statusCode(200).body("replayed", is(2));
        Notify.awaitStatus(first, "DELIVERED");
        Notify.awaitStatus(second, "DELIVERED");
    }

    @Test
    void an_unknown_endpoint_is_a_delivery_failure_recorded_on_the_message() {
        long id = Notify.enqueue(Notify.toEndpoint("no-such-endpoint", Api.uniqueName("nowhere")).build());
        JsonPath dead = Notify.awaitStatus(id, "DEAD");
        assertThat(dead.getString("message.lastError")).isEqualTo("recipient: there is no endpoint named no-such-endpoint");
        assertThat(dead.getString("attempts[0].outcome")).isEqualTo("REJECTED");
    }
}
