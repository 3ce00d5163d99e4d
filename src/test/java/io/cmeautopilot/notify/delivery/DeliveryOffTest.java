package io.cmeautopilot.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.Receiver;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A node whose notify polling is off delivers nothing, not even what it enqueued itself (nodes
 * that only evaluate leave delivery to the others); the message waits, intact, for a node that delivers.
 */
@QuarkusTest
@TestProfile(DeliveryOffTest.PollingOff.class)
class DeliveryOffTest {

    public static class PollingOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cme.notify.poll-interval", "off");
        }
    }

    @Inject
    Dispatcher dispatcher;

    private final Receiver receiver = Receiver.accepting();

    @AfterEach
    void stop_receiver() {
        receiver.close();
    }

    @Test
    void a_node_with_polling_off_leaves_its_own_messages_to_other_nodes() throws Exception {
        String endpoint = Api.uniqueName("crm");
        Notify.webhook(endpoint, receiver.url());
        long id = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("src")).build());

        // A woken dispatcher delivers to this receiver in milliseconds: two quiet seconds mean none was woken.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> receiver.requests().isEmpty());
        assertThat(Notify.message(id).getString("message.status")).isEqualTo("PENDING");

        // Another node's dispatcher (here: this one's, asked directly) finds it and delivers it.
        dispatcher.drain();
        Notify.awaitStatus(id, "DELIVERED");
        assertThat(receiver.requests()).hasSize(1);
    }
}
