package io.cmeautopilot.notify.delivery;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.bench.BenchReport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What one claim costs when finished messages' dead row versions sit in the due index because a long
 * transaction elsewhere keeps vacuum from removing them: a claim from the oldest due message (all
 * that the dispatcher did before delivering as slots free up) against a claim from where the last one
 * ended. Polling is off, so only the benchmark claims. Run: ./mvnw verify -Pbench -Dtest=OutboxClaimBenchmark
 */
@QuarkusTest
@Tag("bench")
@TestProfile(DeliveryOffTest.PollingOff.class)
class OutboxClaimBenchmark {

    static final int FINISHED = Integer.getInteger("bench.claim.finished", 50_000);
    static final int PENDING = 100;
    static final int REPEAT = 25;
    static final int SLOTS = 8;

    @Inject
    Claims claims;
    @Inject
    Attempts attempts;
    @Inject
    Jdbi jdbi;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    @Test
    void a_claim_beside_finished_messages_held_by_a_long_transaction() throws Exception {
        BenchReport report = new BenchReport("Outbox claim beside " + String.format("%,d", FINISHED)
                + " finished messages (" + SLOTS + " slots, " + PENDING + " messages due)");
        insert(PENDING, "PENDING", "due");
        report.row("claim from the oldest due message, clean index", millis(time(true)), "median of " + REPEAT);

        try (Connection longTransaction = dataSource.getConnection()) {
            longTransaction.setAutoCommit(false);
            longTransaction.createStatement().execute("SELECT txid_current()"); // holds back vacuum's horizon
            for (int done = 0; done < FINISHED; done += 1_000) {
                insert(Math.min(1_000, FINISHED - done), "PENDING", "finished");
                finishAsTheDispatcherDoes();
            }
            // The messages due now are newer than the finished ones, as in a running outbox.
            jdbi.useHandle(h -> h.execute("DELETE FROM notify_messages WHERE source_key LIKE 'due%'"));
            insert(PENDING, "PENDING", "due");
            report.row("claim from the oldest due message", millis(time(true)),
                    "what every claim did before; each steps over every dead version");
            report.row("claim from where the last one ended", millis(time(false)),
                    "what claims as slots free up do; the oldest is looked at again on every poll");
            longTransaction.rollback();
        }
        report.row("claim from the oldest, long transaction ended", millis(time(true)),
                "the dead versions are now dead to all: index entries are marked on the first pass");
        report.print("notify-claim.md");
    }

    /**
     * Median time of a claim of {@link #SLOTS} messages, each put back afterwards; as of two minutes
     * ahead, when the lease versions of the finished messages are in the past too.
     */
    private long time(boolean fromOldest) {
        long[] nanos = new long[REPEAT];
        claims.claim(Lanes.Room.idle(SLOTS, SLOTS), ahead(), true).forEach(m -> attempts.putBack(m.id(), clock.instant()));
        for (int i = 0; i < REPEAT; i++) {
            Instant now = ahead();
            long start = System.nanoTime();
            List<ClaimedMessage> claimed = claims.claim(Lanes.Room.idle(SLOTS, SLOTS), now, fromOldest);
            nanos[i] = System.nanoTime() - start;
            if (claimed.size() != SLOTS) {
                throw new IllegalStateException("claimed " + claimed.size() + " of " + SLOTS);
            }
            claimed.forEach(m -> attempts.putBack(m.id(), clock.instant()));
        }
        Arrays.sort(nanos);
        return nanos[REPEAT / 2];
    }

    private Instant ahead() {
        return clock.instant().plus(Duration.ofMinutes(2));
    }

    private void insert(int count, String status, String prefix) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO notify_messages (message_id, source_key, event_type, channel, recipient_kind, recipient,
                                             body_text, status, next_attempt_at, created_at)
                SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), :prefix || gen_random_uuid(), 'bench.event',
                       'WEBHOOK', 'ENDPOINT', 'bench-claim', repeat('x', 300), :status, :now, :now
                FROM generate_series(1, :count)""").bind("prefix", prefix).bind("status", status).bind("count", count)
                .bind("now", Claims.utc(clock.instant())).execute());
    }

    /** The two row versions a delivery leaves: the claim (lease) and the finish. */
    private void finishAsTheDispatcherDoes() {
        jdbi.useHandle(h -> {
            h.execute("""
                    UPDATE notify_messages SET next_attempt_at = next_attempt_at + interval '1 minute', leased_by = 'bench'
                    WHERE status = 'PENDING' AND source_key LIKE 'finished%'""");
            h.execute("""
                    UPDATE notify_messages SET status = 'DELIVERED', attempts = 1, leased_by = NULL, delivered_at = now(),
                                               finished_at = now()
                    WHERE status = 'PENDING' AND source_key LIKE 'finished%'""");
        });
    }

    private static String millis(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }
}
