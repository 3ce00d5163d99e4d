package io.cmeautopilot.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;

/**
 * Prometheus metrics of the outbox: its depth, the age of the oldest due message, dead letters
 * (gauges, refreshed periodically from the database, so every node reports the cluster's outbox),
 * deliveries and failures per channel, and the lag from enqueue to delivery (histogram).
 */
@ApplicationScoped
class NotifyMetrics {

    private static final Logger LOG = Logger.getLogger(NotifyMetrics.class);

    private static final String GAUGES = """
            SELECT count(*) FILTER (WHERE status = 'PENDING'),
                   count(*) FILTER (WHERE status = 'DEAD'),
                   min(next_attempt_at) FILTER (WHERE status = 'PENDING')
            FROM notify_messages WHERE status IN ('PENDING', 'DEAD')""";

    @Inject
    MeterRegistry registry;
    @Inject
    Jdbi jdbi;
    @Inject
    Clock clock;

    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong oldestDueSeconds = new AtomicLong();
    private Timer lag;

    @PostConstruct
    void init() {
        Gauge.builder("cme.notify.outbox.depth", depth, AtomicLong::get)
                .description("Messages waiting to be delivered (due or scheduled for a retry)").register(registry);
        Gauge.builder("cme.notify.outbox.oldest.due", oldestDueSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest due message has been waiting past its time (0: none)").register(registry);
        Gauge.builder("cme.notify.dead.letters", dead, AtomicLong::get)
                .description("Dead-lettered messages (replayable)").register(registry);
        lag = Timer.builder("cme.notify.delivery.lag").description("From enqueue (commit) to successful delivery")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(30)).register(registry);
    }

    @Scheduled(identity = "notify-metrics", every = "${cme.notify.metrics-interval:15s}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            jdbi.useHandle(h -> h.createQuery(GAUGES).map((rs, ctx) -> {
                depth.set(rs.getLong(1));
                dead.set(rs.getLong(2));
                OffsetDateTime oldest = rs.getObject(3, OffsetDateTime.class);
                Instant now = clock.instant();
                oldestDueSeconds.set(oldest == null || oldest.toInstant().isAfter(now) ? 0
                        : Duration.between(oldest.toInstant(), now).toSeconds());
                return true;
            }).one());
        } catch (JdbiException e) {
            LOG.warnf("Could not refresh the outbox gauges: %s", e.getMessage());
        }
    }

    void delivered(ClaimedMessage m, Instant at) {
        registry.counter("cme.notify.deliveries", "channel", m.channel().name()).increment();
        lag.record(Duration.between(m.createdAt(), at));
    }

    void failed(ClaimedMessage m, String result) {
        registry.counter("cme.notify.delivery.failures", "channel", m.channel().name(), "result", result).increment();
    }
}
