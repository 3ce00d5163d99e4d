package io.cmeautopilot.notify.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.notify.MessagesDue;
import io.cmeautopilot.notify.NotifyConfig;
import io.cmeautopilot.notify.endpoints.EndpointDirectory;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox, on every node: claims due messages with SKIP LOCKED and a lease (so nodes
 * never take the same message, and a message claimed by a node that died becomes due again when
 * the lease ends), delivers them in parallel, records each attempt, and reschedules failures with
 * backoff until the schedule is used up (dead letter). Runs when polled and right after a commit
 * that made messages due.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    OutboxStore store;
    @Inject
    Deliverer deliverer;
    @Inject
    EndpointDirectory endpoints;
    @Inject
    NotifyMetrics metrics;
    @Inject
    NotifyConfig config;
    @Inject
    Clock clock;

    /** Which node holds a claim, for the attempt list and for operators. */
    final String node = ManagementFactory.getRuntimeMXBean().getName();

    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private Backoff backoff;
    private ExecutorService workers;
    private ExecutorService waker;

    @PostConstruct
    void init() {
        backoff = new Backoff(config.retrySchedule(), config.jitter(), () -> ThreadLocalRandom.current().nextDouble());
        workers = Executors.newFixedThreadPool(config.parallelism(), daemonThreads("notify-delivery"));
        waker = Executors.newSingleThreadExecutor(daemonThreads("notify-wake"));
        if (backoff.span().compareTo(Duration.ofHours(24)) < 0) {
            LOG.warnf("cme.notify.retry-schedule spans only %s: a receiver down for longer loses messages to the dead letters",
                    backoff.span());
        }
    }

    @PreDestroy
    void stop() {
        waker.shutdownNow();
        workers.shutdownNow();
    }

    @Scheduled(identity = "notify-dispatch", every = "${cme.notify.poll-interval:1s}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        drain();
    }

    void onMessagesDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesDue event) {
        // A node whose polling is off delivers nothing, not even what it enqueued itself: other nodes do.
        if (!isOff(config.pollInterval())) {
            wake();
        }
    }

    private static boolean isOff(String interval) {
        return "off".equalsIgnoreCase(interval.trim()) || "disabled".equalsIgnoreCase(interval.trim());
    }

    /** Delivers soon on another thread; many wake-ups while one is queued count as one. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    /**
     * Delivers until nothing is due on this node's view, and returns how many messages it handled. If a
     * drain is already running, it is asked to look once more instead, and this returns 0 at once.
     */
    public int drain() {
        if (!draining.tryLock()) {
            again.set(true);
            return 0;
        }
        try {
            int total = 0;
            do {
                again.set(false);
                int handled;
                do {
                    handled = round();
                    total += handled;
                } while (handled >= config.batchSize());
            } while (again.get());
            return total;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Delivering notifications failed; the next poll tries again");
            return 0;
        } finally {
            draining.unlock();
        }
    }

    private int round() {
        Instant now = clock.instant();
        List<ClaimedMessage> claimed = store.claim(now, now.plus(config.lease()), node, config.batchSize());
        List<Future<?>> running = new ArrayList<>(claimed.size());
        for (ClaimedMessage m : claimed) {
            running.add(workers.submit(() -> deliverOne(m)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "Recording a delivery failed; the message is retried when its lease ends");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claimed.size();
            }
        }
        return claimed.size();
    }

    private void deliverOne(ClaimedMessage m) {
        Instant started = clock.instant();
        Outcome outcome;
        try {
            outcome = deliverer.deliver(m);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Delivering notification %s failed unexpectedly", m.messageId());
            outcome = Outcome.failed(null, null, "internal error (see the server log)", 0);
        }
        record(m, started, outcome);
    }

    private void record(ClaimedMessage m, Instant started, Outcome outcome) {
        Instant now = clock.instant();
        switch (outcome.kind()) {
            case DELIVERED -> {
                if (store.attempted(m.id(), "DELIVERED", null, started, outcome, "DELIVERED", node, now)) {
                    metrics.delivered(m, now);
                }
            }
            case FAILED -> {
                Optional<Duration> delay = backoff.delayAfter(m.cycleAttempts() + 1);
                if (delay.isPresent()) {
                    store.attempted(m.id(), "PENDING", now.plus(delay.get()), started, outcome, "FAILED", node, now);
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
            case FILTERED -> store.filtered(m.id(), outcome.error(), now);
            case POSTPONED -> store.putBack(m.id(), now);
        }
    }

    private void deadLetter(ClaimedMessage m, Instant started, Outcome outcome, String attemptOutcome, Instant now) {
        if (store.attempted(m.id(), "DEAD", null, started, outcome, attemptOutcome, node, now)) {
            LOG.warnf("Notification %s (%s to %s %s) dead-lettered after %d attempt(s): %s", m.messageId(), m.eventType(),
                    m.recipientKind(), m.recipient(), m.attempts() + 1, outcome.error());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
