package io.cmeautopilot.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.notify.NotifyConfig;
import io.cmeautopilot.notify.endpoints.EndpointDirectory;

/**
 * Records what came of an attempt, each in one autocommit statement: delivered, rescheduled with
 * backoff until the schedule is used up (then dead letter), dead at once, filtered, or put back.
 * Every attempt made on a message still pending is recorded exactly once, with the message's new
 * state in the same statement; an attempt on a message another node finished meanwhile (after our
 * lease ran out) changes nothing.
 */
@ApplicationScoped
class Attempts {

    private static final Logger LOG = Logger.getLogger(Attempts.class);

    /** Finishes or reschedules a message and records the attempt, unless another node finished it meanwhile. */
    private static final String ATTEMPTED = """
            WITH m AS (
                UPDATE notify_messages
                SET status = :status, attempts = attempts + 1, cycle_attempts = cycle_attempts + 1,
                    next_attempt_at = :nextAttemptAt, lease_until = NULL, leased_by = NULL, last_error = :error,
                    delivered_at = CASE WHEN :status = 'DELIVERED' THEN CAST(:now AS timestamptz) END,
                    finished_at = CASE WHEN :status = 'PENDING' THEN NULL ELSE CAST(:now AS timestamptz) END
                WHERE id = :id AND status = 'PENDING'
                RETURNING id, attempts)
            INSERT INTO notify_attempts (message_id, attempt, started_at, latency_ms, outcome, status_code, target, error, node)
            SELECT id, attempts, CAST(:startedAt AS timestamptz), CAST(:latencyMs AS integer), CAST(:outcome AS text),
                   CAST(:statusCode AS integer), CAST(:target AS text), CAST(:error AS text), CAST(:node AS text) FROM m""";

    private static final String FILTERED = """
            UPDATE notify_messages SET status = 'FILTERED', last_error = :reason, finished_at = :now,
                                       lease_until = NULL, leased_by = NULL
            WHERE id = :id AND status = 'PENDING'""";

    private static final String PUT_BACK = """
            UPDATE notify_messages SET next_attempt_at = :now, lease_until = NULL, leased_by = NULL
            WHERE id = :id AND status = 'PENDING'""";

    @Inject
    Jdbi jdbi;
    @Inject
    Claims claims;
    @Inject
    EndpointDirectory endpoints;
    @Inject
    NotifyMetrics metrics;
    @Inject
    NotifyConfig config;
    @Inject
    Clock clock;

    private Backoff backoff;

    @PostConstruct
    void init() {
        backoff = new Backoff(config.retrySchedule(), config.jitter(), () -> ThreadLocalRandom.current().nextDouble());
        if (backoff.span().compareTo(Duration.ofHours(24)) < 0) {
            LOG.warnf("cme.notify.retry-schedule spans only %s: a receiver down for longer loses messages to the dead letters",
                    backoff.span());
        }
    }

    void record(ClaimedMessage m, Instant started, Outcome outcome) {
        Instant now = clock.instant();
        switch (outcome.kind()) {
            case DELIVERED -> {
                if (attempted(m, "DELIVERED", now, started, outcome, "DELIVERED")) {
                    metrics.delivered(m, now);
                }
            }
            case FAILED -> {
                Optional<Duration> delay = backoff.delayAfter(m.cycleAttempts() + 1);
                if (delay.isPresent()) {
                    attempted(m, "PENDING", now.plus(delay.get()), started, outcome, "FAILED");
                } else {
                    deadLetter(m, started, outcome, "FAILED", now);
                }
                metrics.failed(m, delay.isPresent() ? "retry" : "dead");
            }
            case REJECTED -> {
                deadLetter(m, started, outcome, "REJECTED", now);
                metrics.failed(m, "rejected");
            }
            case GONE -> {
                endpoints.disable(m.recipient(), "the receiver answered 410 Gone to " + m.messageId(), now);
                LOG.warnf("Endpoint %s answered 410 Gone: disabled until resumed", m.recipient());
                deadLetter(m, started, outcome, "REJECTED", now);
                metrics.failed(m, "gone");
            }
            case FILTERED -> jdbi.useHandle(h -> h.createUpdate(FILTERED).bind("id", m.id()).bind("now", Claims.utc(now))
                    .bind("reason", outcome.error()).execute());
            case POSTPONED -> putBack(m.id(), now);
        }
    }

    /** Gives a claimed message back without an attempt: due again at once, for any node. */
    void putBack(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate(PUT_BACK).bind("id", id).bind("now", Claims.utc(now)).execute());
    }

    private void deadLetter(ClaimedMessage m, Instant started, Outcome outcome, String attemptOutcome, Instant now) {
        if (attempted(m, "DEAD", now, started, outcome, attemptOutcome)) {
            LOG.warnf("Notification %s (%s to %s %s) dead-lettered after %d attempt(s): %s", m.messageId(), m.eventType(),
                    m.recipientKind(), m.recipient(), m.attempts() + 1, outcome.error());
        }
    }

    /**
     * Records an attempt: {@code status} is DELIVERED, DEAD, or PENDING with the next attempt's time.
     * False when the message was no longer pending (another node finished it after our lease ran out).
     */
    private boolean attempted(ClaimedMessage m, String status, Instant nextAttemptAt, Instant startedAt, Outcome outcome,
            String attemptOutcome) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate(ATTEMPTED)
                .bind("id", m.id())
                .bind("status", status)
                .bind("nextAttemptAt", Claims.utc(nextAttemptAt))
                .bind("error", outcome.error())
                .bind("now", Claims.utc(now))
                .bind("startedAt", Claims.utc(startedAt))
                .bind("latencyMs", (int) Math.min(Integer.MAX_VALUE, outcome.latencyMs()))
                .bind("outcome", attemptOutcome)
                .bind("statusCode", outcome.statusCode())
                .bind("target", outcome.target())
                .bind("node", claims.node)
                .execute()) > 0;
    }
}
