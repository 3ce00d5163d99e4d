package io.cmeautopilot.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.notify.RecipientKind;

/** How the node's delivery slots are shared out between receivers, on a ticker the test moves. */
class LanesTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final Lanes lanes = new Lanes(8, 4, Duration.ofSeconds(2), nanos::get);

    private List<Lanes.Ticket> start(String lane, int n) {
        List<Lanes.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tickets.add(lanes.started(lane, ids.incrementAndGet()));
        }
        return tickets;
    }

    private int roomOf(String lane) {
        return lanes.room().limited().getOrDefault(lane, 4);
    }

    @Test
    void one_endpoint_takes_at_most_its_limit_and_the_rest_stays_free_for_others() {
        start("crm", 4);
        Lanes.Room room = lanes.room();
        assertThat(room.free()).isEqualTo(4);
        assertThat(room.full()).containsExactly("crm");
        assertThat(roomOf("slack")).isEqualTo(4);
        assertThat(room.running()).as("the messages being delivered, never claimed twice here").hasSize(4);
    }

    @Test
    void every_email_shares_one_lane_the_smtp_server() {
        assertThat(Lanes.of(RecipientKind.OWNER, "alice")).isEqualTo(Lanes.of(RecipientKind.TEAM, "emea"))
                .isEqualTo(Lanes.of(RecipientKind.ADDRESS, "x@example.com")).isEqualTo(Lanes.EMAIL);
        assertThat(Lanes.of(RecipientKind.ENDPOINT, "crm")).isEqualTo("crm");
    }

    @Test
    void a_slow_endpoint_backs_off_to_one_at_a_time_and_comes_back_one_slot_per_quick_success() {
        List<Lanes.Ticket> running = start("crm", 4);
        lanes.finished(running.get(0), true);
        assertThat(roomOf("crm")).as("allowance 2, 3 still running").isZero();
        lanes.finished(running.get(1), true);
        lanes.finished(running.get(2), true);
        lanes.finished(running.get(3), true);
        assertThat(roomOf("crm")).as("allowance 1, idle").isEqualTo(1);

        lanes.finished(lanes.started("crm", ids.incrementAndGet()), false);
        assertThat(roomOf("crm")).isEqualTo(2);
        lanes.finished(lanes.started("crm", ids.incrementAndGet()), false);
        lanes.finished(lanes.started("crm", ids.incrementAndGet()), false);
        assertThat(roomOf("crm")).as("back to the full limit").isEqualTo(4);
        assertThat(lanes.room().limited()).doesNotContainKey("crm");
    }

    @Test
    void a_delivery_still_running_past_the_slow_mark_leaves_its_lane_no_more_room() {
        start("slow", 1);
        assertThat(roomOf("slow")).isEqualTo(3);
        nanos.addAndGet(Duration.ofMillis(2_001).toNanos());
        assertThat(roomOf("slow")).isZero();
    }

    @Test
    void endpoints_in_back_off_hold_at_most_half_the_slots_together() {
        for (String lane : List.of("a", "b", "c", "d", "e")) {
            start(lane, 1);
        }
        nanos.addAndGet(Duration.ofSeconds(3).toNanos()); // all five stuck: each counts as backing off
        Lanes.Room room = lanes.room();
        assertThat(room.free()).isEqualTo(3);
        assertThat(room.full()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");

        Lanes.Ticket quick = lanes.started("f", ids.incrementAndGet());
        lanes.finished(quick, true); // f was slow once: backing off, idle
        assertThat(roomOf("f")).as("half of 8 slots already held by lanes in back-off").isZero();
        assertThat(roomOf("healthy")).isEqualTo(4);
    }

    @Test
    void an_attempt_over_the_slow_mark_is_slow() {
        assertThat(lanes.slow(2_000)).isFalse();
        assertThat(lanes.slow(2_001)).isTrue();
    }
}
