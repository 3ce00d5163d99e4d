package io.cmeautopilot.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cmeautopilot.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The outbox API on its own: enqueue in a transaction, watch a real receiver get a signed webhook. */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    Outbox outbox;

    private final Receiver receiver = Receiver.accepting();

    @AfterEach
    void stop_receiver() {
        receiver.close();
    }

    @Test
    void a_committed_message_reaches_the_receiver_signed_as_standard_webhooks_documents() throws Exception {
        String endpoint = Api.uniqueName("crm");
        String secret = Notify.webhook(endpoint, receiver.url());
        long id = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("src")).eventType("offer.approved")
                .payload(Map.of("offerId", 42, "value", 10)).evidence(Map.of("rule", "Churn: renewal at risk")).build());

        JsonPath delivered = Notify.awaitStatus(id, "DELIVERED");
        assertThat(receiver.requests()).hasSize(1);
        Receiver.Request request = receiver.requests().get(0);
        assertThat(request.header("webhook-id")).isEqualTo(delivered.getString("message.messageId")).startsWith("msg_");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(WebhookVerifier.verifies(secret, request, Instant.now(), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookVerifier.verifies(secret, new Receiver.Request(request.headers(), request.body() + " "),
                Instant.now(), Duration.ofMinutes(5))).as("a changed body fails verification").isFalse();

        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("type").asText()).isEqualTo("offer.approved");
        assertThat(body.get("data").get("offerId").asInt()).isEqualTo(42);
        assertThat(body.get("subject").asText()).isEqualTo("Hello");
        assertThat(body.get("text").asText()).isEqualTo("Body text");
        assertThat(body.get("evidence").get("rule").asText()).isEqualTo("Churn: renewal at risk");
        assertThat(Instant.parse(body.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));

        assertThat(delivered.getInt("message.attempts")).isEqualTo(1);
        assertThat(delivered.getString("attempts[0].outcome")).isEqualTo("DELIVERED");
        assertThat(delivered.getInt("attempts[0].statusCode")).isEqualTo(200);
        assertThat(delivered.getString("attempts[0].target")).isEqualTo(receiver.url());
        assertThat(delivered.getInt("attempts[0].latencyMs")).isGreaterThanOrEqualTo(0);
        assertThat(delivered.getString("message.deliveredAt")).isNotNull();
    }

    @Test
    void the_same_source_key_enqueued_twice_is_one_message_delivered_once() {
        String endpoint = Api.uniqueName("crm");
        Notify.webhook(endpoint, receiver.url());
        String sourceKey = Api.uniqueName("same");
        long first = Notify.enqueue(Notify.toEndpoint(endpoint, sourceKey).build());
        long second = Notify.enqueue(Notify.toEndpoint(endpoint, sourceKey).text("different text").build());

        assertThat(second).isEqualTo(first);
        Notify.awaitStatus(first, "DELIVERED");
        assertThat(receiver.requests()).hasSize(1);
        assertThat(receiver.requests().get(0).body()).contains("Body text");
    }

    @Test
    void a_message_enqueued_in_a_transaction_that_rolls_back_is_never_sent() {
        String endpoint = Api.uniqueName("crm");
        Notify.webhook(endpoint, receiver.url());
        String sourceKey = Api.uniqueName("rolled-back");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(Notify.toEndpoint(endpoint, sourceKey).build());
            throw new IllegalStateException("the action failed after enqueuing");
        })).hasMessageContaining("the action failed");
        long committed = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("committed")).build());

        Notify.awaitStatus(committed, "DELIVERED");
        assertThat(receiver.requests()).hasSize(1);
        Api.given().queryParam("recipient", endpoint).when().get("/api/notify/messages").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(1));
    }

    @Test
    void enqueuing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.enqueue(Notify.toEndpoint("any", Api.uniqueName("no-tx")).build()))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    @Test
    void a_message_is_delivered_within_a_second_of_its_commit_without_waiting_for_a_poll() {
        String endpoint = Api.uniqueName("crm");
        Notify.webhook(endpoint, receiver.url());
        Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("fast")).build());
        await().atMost(Duration.ofSeconds(1)).until(() -> receiver.requests().size() == 1);
    }

    @Test
    void a_slack_endpoint_gets_the_subject_in_bold_over_the_text_and_no_signature() throws Exception {
        String endpoint = Api.uniqueName("slack");
        Notify.slack(endpoint, receiver.url());
        long id = Notify.enqueue(OutboundMessage.builder("task.escalated", DeliveryChannel.SLACK,
                OutboundMessage.Recipient.endpoint(endpoint), Api.uniqueName("slack"))
                .subject("Task escalated").text("Acme: renewal call overdue").build());

        JsonPath delivered = Notify.awaitStatus(id, "DELIVERED");
        Receiver.Request request = receiver.requests().get(0);
        assertThat(new ObjectMapper().readTree(request.body()).get("text").asText())
                .isEqualTo("*Task escalated*\nAcme: renewal call overdue");
        assertThat(request.header("webhook-signature")).isNull();
        assertThat(delivered.getString("attempts[0].target")).isEqualTo("http://127.0.0.1/…");
    }
}
