package io.cmeautopilot.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.Receiver;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One slow receiver must not hold up everyone else: while it sits on its requests, messages to healthy
 * endpoints (and their retries) are delivered at once, and the slow one holds no more than its lane's
 * share of the node's delivery slots. Real HTTP receivers; the slow one answers only when the test lets it.
 */
@QuarkusTest
class SlowReceiverTest {

    @ConfigProperty(name = "cme.notify.endpoint-parallelism")
    int laneLimit;

    /** The slow receiver answers after 8 s (within the 15 s timeout: slow, not failing), or once the test lets it. */
    private final CountDownLatch letSlowAnswer = new CountDownLatch(1);
    private final AtomicInteger slowHolding = new AtomicInteger();
    private final AtomicInteger slowMostHeld = new AtomicInteger();
    private final Receiver slow = Receiver.start(r -> {
        slowMostHeld.accumulateAndGet(slowHolding.incrementAndGet(), Math::max);
        try {
            letSlowAnswer.await(8, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slowHolding.decrementAndGet();
        }
        return 200;
    });
    private final Receiver healthy = Receiver.accepting();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final Receiver flaky = Receiver.start(r -> failedOnce.add(r.header("webhook-id")) ? 503 : 200);

    @AfterEach
    void stop_receivers() {
        letSlowAnswer.countDown();
        slow.close();
        healthy.close();
        flaky.close();
        TestClock.reset();
    }

    @Test
    void healthy_endpoints_and_their_retries_are_delivered_while_a_slow_receiver_holds_its_requests() {
        String slowEndpoint = Api.uniqueName("slow");
        String healthyEndpoint = Api.uniqueName("healthy");
        String flakyEndpoint = Api.uniqueName("flaky");
        Notify.webhook(slowEndpoint, slow.url());
        Notify.webhook(healthyEndpoint, healthy.url());
        Notify.webhook(flakyEndpoint, flaky.url());

        List<Long> toSlow = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            toSlow.add(Notify.enqueue(Notify.toEndpoint(slowEndpoint, Api.uniqueName("slow")).build()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !slow.requests().isEmpty());

        List<Long> toHealthy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            toHealthy.add(Notify.enqueue(Notify.toEndpoint(healthyEndpoint, Api.uniqueName("healthy")).build()));
        }
        List<Long> toFlaky = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            toFlaky.add(Notify.enqueue(Notify.toEndpoint(flakyEndpoint, Api.uniqueName("flaky")).build()));
        }

        for (long id : toHealthy) {
            JsonPath m = Notify.awaitStatus(id, "DELIVERED");
            Duration lag = Duration.between(Instant.parse(m.getString("message.createdAt")),
                    Instant.parse(m.getString("message.deliveredAt")));
            assertThat(lag).as("enqueue to delivery of message %d, beside a receiver taking 8 s", id)
                    .isLessThan(Duration.ofSeconds(4));
        }
        toFlaky.forEach(id -> assertThat(Notify.awaitAttempts(id, 1).getInt("attempts[0].statusCode")).isEqualTo(503));
        TestClock.advance(Duration.ofSeconds(10)); // the first retry (5 s, +-20%) comes due
        long retriesDue = System.nanoTime();
        toFlaky.forEach(id -> Notify.awaitStatus(id, "DELIVERED"));
        assertThat(Duration.ofNanos(System.nanoTime() - retriesDue)).as("retries run when due, not after the slow receiver")
                .isLessThan(Duration.ofSeconds(4));

        letSlowAnswer.countDown();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> toSlow.stream()
                .allMatch(id -> "DELIVERED".equals(Notify.message(id).getString("message.status"))));
        assertThat(slow.requests()).as("each slow message sent once").hasSize(toSlow.size());
        assertThat(slowMostHeld.get()).as("requests the slow receiver held at once").isBetween(1, laneLimit);
    }
}
