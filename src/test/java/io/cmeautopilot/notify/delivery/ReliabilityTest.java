package io.cmeautopilot.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.Receiver;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Nothing is lost: a receiver that is down for a while, one that fails after processing (duplicates,
 * always with the same webhook id), and a node that dies between claiming and acknowledging.
 */
@QuarkusTest
class ReliabilityTest {

    @Inject
    Claims claims;
    @Inject
    Attempts attempts;
    @Inject
    Deliverer deliverer;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Clock clock;

    private final Receiver receiver = Receiver.accepting();

    @AfterEach
    void clean_up() {
        receiver.close();
        TestClock.reset();
    }

    @Test
    void receiver_down_for_a_while_then_up_every_message_delivered_none_lost_duplicates_only_with_the_same_id() {
        String endpoint = Api.uniqueName("flaky");
        Notify.webhook(endpoint, receiver.url());
        receiver.stop();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("outage")).text("message " + i).build()));
        }
        ids.forEach(id -> Notify.awaitAttempts(id, 1));
        assertThat(Notify.message(ids.get(0)).getString("attempts[0].error")).startsWith("could not connect");
        assertThat(Notify.message(ids.get(0)).getString("message.status")).isEqualTo("PENDING");

        // Back up, but every first request of a message fails after the receiver has seen it.
        Set<String> seen = ConcurrentHashMap.newKeySet();
        receiver.answer(r -> seen.add(r.header("webhook-id")) ? 500 : 200);
        receiver.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            TestClock.advance(Duration.ofMinutes(30)); // each retry comes due; real time stays short
            return ids.stream().allMatch(id -> "DELIVERED".equals(Notify.message(id).getString("message.status")));
        });

        Set<String> messageIds = ids.stream().map(id -> Notify.message(id).getString("message.messageId"))
                .collect(Collectors.toSet());
        Map<String, List<Receiver.Request>> byId = receiver.requests().stream()
                .collect(Collectors.groupingBy(r -> r.header("webhook-id")));
        assertThat(byId.keySet()).isEqualTo(messageIds);
        byId.values().forEach(copies -> {
            assertThat(copies).hasSize(2);
            assertThat(copies.get(1).body()).isEqualTo(copies.get(0).body());
        });
        JsonPath one = Notify.message(ids.get(0));
        List<String> outcomes = one.getList("attempts.outcome");
        List<Integer> codes = one.getList("attempts.statusCode");
        assertThat(outcomes.get(outcomes.size() - 1)).isEqualTo("DELIVERED");
        assertThat(codes.subList(codes.size() - 2, codes.size())).containsExactly(500, 200);
        assertThat(one.getString("attempts[0].error")).startsWith("could not connect");
    }

    @Test
    void a_node_that_dies_between_claim_and_acknowledgement_leaves_the_message_to_be_redelivered_with_the_same_id() {
        String endpoint = Api.uniqueName("lease");
        Notify.webhook(endpoint, receiver.url());
        receiver.stop(); // so that this node's dispatcher cannot deliver before the "other node" claims
        long id = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("lease")).build());
        Notify.awaitAttempts(id, 1);

        // Later another node claims the message, sends it, and dies before recording anything.
        Instant later = clock.instant().plus(Duration.ofHours(2));
        ClaimedMessage claimed = claimAsDeadNode(id, later);
        TestClock.advance(Duration.ofHours(2));
        receiver.start();
        assertThat(deliverer.deliver(claimed).kind()).isEqualTo(Outcome.Kind.DELIVERED);
        String webhookId = receiver.requests().get(0).header("webhook-id");

        // While the lease runs, no node takes the message again.
        dispatcher.drain();
        assertThat(receiver.requests()).hasSize(1);
        assertThat(Notify.message(id).getString("message.status")).isEqualTo("PENDING");

        TestClock.advance(Duration.ofMinutes(2));
        JsonPath delivered = Notify.awaitStatus(id, "DELIVERED");
        assertThat(receiver.withId(webhookId)).hasSize(2);
        assertThat(delivered.getString("message.messageId")).isEqualTo(webhookId);
        List<String> outcomes = delivered.getList("attempts.outcome");
        assertThat(outcomes.get(0)).isEqualTo("FAILED");
        assertThat(outcomes.get(outcomes.size() - 1)).isEqualTo("DELIVERED");
    }

    private ClaimedMessage claimAsDeadNode(long id, Instant now) {
        List<ClaimedMessage> mine = new ArrayList<>();
        Set<Long> others = new HashSet<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (ClaimedMessage m : claims.claim(Lanes.Room.idle(100, 100), now, true)) {
                if (m.id() == id) {
                    mine.add(m);
                } else {
                    others.add(m.id());
                }
            }
            return !mine.isEmpty();
        });
        others.forEach(other -> attempts.putBack(other, now));
        return mine.get(0);
    }
}
