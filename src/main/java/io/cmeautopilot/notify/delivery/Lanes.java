package io.cmeautopilot.notify.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import io.cmeautopilot.notify.RecipientKind;

/**
 * This node's delivery slots, shared out by lane: a lane is one endpoint, or the SMTP server for
 * every e-mail. A lane may hold at most {@code laneLimit} slots, so one receiver never takes them
 * all. A lane backs off when its receiver is slow: each attempt that took longer than
 * {@code slowAfter} (answered or timed out) halves its allowance, down to one delivery at a time, and
 * each quick success gives one slot back (additive increase, multiplicative decrease, as TCP does).
 * A delivery still running after {@code slowAfter} counts as slow at once. Lanes in back-off hold
 * at most half of the slots together, so healthy receivers always have the other half. Thread-safe;
 * node-local (every node learns on its own).
 * Durations are measured on a monotonic ticker (nanoseconds), not the business clock.
 */
final class Lanes {

    /** The lane of every e-mail: they all go through the one SMTP server. */
    static final String EMAIL = "@email";

    private final int slots;
    private final int laneLimit;
    private final int backOffShare;
    private final long slowAfterNanos;
    private final LongSupplier ticker;
    private final Map<String, Lane> lanes = new HashMap<>();
    private int inFlight;

    Lanes(int slots, int laneLimit, Duration slowAfter, LongSupplier ticker) {
        if (slots < 1 || laneLimit < 1) {
            throw new IllegalArgumentException("cme.notify.parallelism and endpoint-parallelism must be at least 1");
        }
        this.slots = slots;
        this.laneLimit = Math.min(laneLimit, slots);
        this.backOffShare = Math.max(1, slots / 2);
        this.slowAfterNanos = slowAfter.toNanos();
        this.ticker = ticker;
    }

    static String of(RecipientKind kind, String recipient) {
        return kind == RecipientKind.ENDPOINT ? recipient : EMAIL;
    }

    static String of(ClaimedMessage m) {
        return of(m.recipientKind(), m.recipient());
    }

    /**
     * What may be claimed now: free slots, the lanes that have less room than a lane's limit, and the
     * messages being delivered here (never claimed again by this node while it still delivers them,
     * even if their lease ran out meanwhile).
     */
    record Room(int free, int laneLimit, Map<String, Integer> limited, Set<Long> running) {

        List<String> full() {
            return limited.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        }

        Map<String, Integer> partial() {
            Map<String, Integer> partial = new HashMap<>(limited);
            partial.values().removeIf(n -> n == 0);
            return partial;
        }

        /** The room left once these messages have their slots. */
        Room minus(List<ClaimedMessage> claimed) {
            Map<String, Integer> left = new HashMap<>(limited);
            Set<Long> busy = new HashSet<>(running);
            for (ClaimedMessage m : claimed) {
                left.merge(of(m), laneLimit - 1, (room, one) -> Math.max(0, room - 1));
                busy.add(m.id());
            }
            return new Room(Math.max(0, free - claimed.size()), laneLimit, left, busy);
        }

        /** Room for {@code free} messages, as a node with no delivery running has it. */
        static Room idle(int free, int laneLimit) {
            return new Room(free, laneLimit, Map.of(), Set.of());
        }
    }

    synchronized Room room() {
        long now = ticker.getAsLong();
        int backingOff = 0;
        for (Lane lane : lanes.values()) {
            if (lane.backingOff(now)) {
                backingOff += lane.running.size();
            }
        }
        Map<String, Integer> limited = new HashMap<>();
        Set<Long> running = new HashSet<>();
        for (Map.Entry<String, Lane> e : lanes.entrySet()) {
            Lane lane = e.getValue();
            int room = Math.max(0, lane.allowance(now) - lane.running.size());
            if (lane.backingOff(now)) {
                room = Math.min(room, Math.max(0, backOffShare - backingOff));
            }
            if (room < laneLimit) {
                limited.put(e.getKey(), room);
            }
            lane.running.forEach(t -> running.add(t.messageId()));
        }
        return new Room(slots - inFlight, laneLimit, limited, running);
    }

    /** Takes a slot for a claimed message; the answer is the ticket to give back with {@link #finished}. */
    synchronized Ticket started(String lane, long messageId) {
        Lane l = lanes.computeIfAbsent(lane, k -> new Lane(laneLimit));
        Ticket ticket = new Ticket(lane, messageId, ticker.getAsLong());
        l.running.add(ticket);
        inFlight++;
        return ticket;
    }

    /**
     * Gives the slot back and learns from the attempt: {@code slowOrFailed} true halves the lane's
     * allowance, false (a quick success) raises it by one, null (no verdict on the receiver) leaves it.
     */
    synchronized void finished(Ticket ticket, Boolean slowOrFailed) {
        Lane lane = lanes.get(ticket.lane());
        lane.running.remove(ticket);
        inFlight--;
        if (Boolean.TRUE.equals(slowOrFailed)) {
            lane.allowance = Math.max(1, lane.allowance / 2);
        } else if (Boolean.FALSE.equals(slowOrFailed)) {
            lane.allowance = Math.min(laneLimit, lane.allowance + 1);
        }
        if (lane.running.isEmpty() && lane.allowance == laneLimit) {
            lanes.remove(ticket.lane()); // healthy and idle: nothing to remember
        }
    }

    /** Whether an attempt that took this long counts as slow. */
    boolean slow(long latencyMs) {
        return latencyMs * 1_000_000 > slowAfterNanos;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    /** One delivery holding a slot. */
    record Ticket(String lane, long messageId, long startedNanos) {
    }

    private final class Lane {
        final List<Ticket> running = new ArrayList<>();
        int allowance;

        Lane(int allowance) {
            this.allowance = allowance;
        }

        /** A delivery that has run past the slow mark leaves the lane one slot until it ends. */
        int allowance(long now) {
            return stuck(now) ? 1 : allowance;
        }

        boolean backingOff(long now) {
            return allowance < laneLimit || stuck(now);
        }

        private boolean stuck(long now) {
            return running.stream().anyMatch(t -> now - t.startedNanos() > slowAfterNanos);
        }
    }
}
