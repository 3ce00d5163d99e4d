package io.cmeautopilot.notify.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
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
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox, on every node, as slots free up: whenever a delivery ends (and on every
 * poll, and right after a commit that made messages due) it claims as many due messages as there
 * are free slots, within each lane's room (see {@link Lanes}), and starts each on a worker of its
 * own. No delivery waits for another, so a slow receiver holds only its own lane's slots.
 * Claims are made one at a time on one thread; what came of each attempt is recorded by
 * {@link Attempts} on the worker that made it.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    Claims claims;
    @Inject
    Attempts attempts;
    @Inject
    Deliverer deliverer;
    @Inject
    NotifyConfig config;
    @Inject
    Clock clock;

    private final ReentrantLock claiming = new ReentrantLock();
    private final AtomicBoolean fillQueued = new AtomicBoolean();
    private final AtomicBoolean fromOldestWanted = new AtomicBoolean();
    private Lanes lanes;
    private boolean polling;
    private ExecutorService workers;
    private ExecutorService claimer;

    @PostConstruct
    void init() {
        lanes = new Lanes(config.parallelism(), config.endpointParallelism(), config.slowAfter(), System::nanoTime);
        polling = !isOff(config.pollInterval());
        workers = Executors.newFixedThreadPool(config.parallelism(), daemonThreads("notify-delivery"));
        claimer = Executors.newSingleThreadExecutor(daemonThreads("notify-claim"));
    }

    @PreDestroy
    void stop() {
        claimer.shutdownNow();
        workers.shutdownNow();
    }

    /** Every poll looks from the oldest due message, so nothing waits behind a claim's resume point for longer. */
    @Scheduled(identity = "notify-dispatch", every = "${cme.notify.poll-interval:1s}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        wake(true);
    }

    void onMessagesDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesDue event) {
        // A node whose polling is off delivers nothing, not even what it enqueued itself: other nodes do.
        if (polling) {
            wake(false);
        }
    }

    private static boolean isOff(String interval) {
        return "off".equalsIgnoreCase(interval.trim()) || "disabled".equalsIgnoreCase(interval.trim());
    }

    /** Claims soon on the claim thread; wake-ups while one is queued count as one. */
    private void wake(boolean fromOldest) {
        if (fromOldest) {
            fromOldestWanted.set(true);
        }
        if (fillQueued.compareAndSet(false, true)) {
            try {
                claimer.execute(() -> {
                    fillQueued.set(false);
                    fill(fromOldestWanted.getAndSet(false));
                });
            } catch (RejectedExecutionException e) {
                fillQueued.set(false); // shutting down
            }
        }
    }

    /** Claims until the slots are full or nothing more is due. */
    private void fill(boolean fromOldest) {
        try {
            boolean oldest = fromOldest;
            while (!claimAndStart(oldest).isEmpty() && lanes.room().free() > 0) {
                oldest = false;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Claiming notifications failed; the next poll tries again");
        }
    }

    /**
     * Delivers on the caller's thread's behalf until nothing is due from this node's view, looking
     * from the oldest due message each time, and answers how many messages it handled. Works with
     * polling off (a test, or an operator's nudge, acting as another node).
     */
    public int drain() {
        int total = 0;
        List<Future<?>> started;
        while (!(started = claimAndStart(true)).isEmpty()) {
            total += started.size();
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    LOG.errorf(e.getCause(), "A delivery failed unexpectedly");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return total;
                }
            }
        }
        return total;
    }

    private List<Future<?>> claimAndStart(boolean fromOldest) {
        claiming.lock();
        try {
            Lanes.Room room = lanes.room();
            if (room.free() < 1) {
                return List.of();
            }
            List<Future<?>> started = new ArrayList<>();
            for (ClaimedMessage m : claims.claim(room, clock.instant(), fromOldest)) {
                Lanes.Ticket ticket = lanes.started(Lanes.of(m), m.id());
                started.add(workers.submit(() -> deliverOne(m, ticket)));
            }
            return started;
        } finally {
            claiming.unlock();
        }
    }

    private void deliverOne(ClaimedMessage m, Lanes.Ticket ticket) {
        Outcome outcome = null;
        try {
            Instant started = clock.instant();
            try {
                outcome = deliverer.deliver(m);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Delivering notification %s failed unexpectedly", m.messageId());
                outcome = Outcome.failed(null, null, "internal error (see the server log)", 0);
            }
            attempts.record(m, started, outcome);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Recording a delivery of %s failed; the message is retried when its lease ends", m.messageId());
        } finally {
            lanes.finished(ticket, outcome == null ? null : verdict(outcome));
            if (polling) {
                wake(false);
            }
        }
    }

    /**
     * What an attempt says about its receiver: slow (true: an answer or a timeout after the slow
     * mark), quick and accepted (false), or nothing to go on (null). A quick failure (refused
     * connection, a 5xx at once) holds a slot for no time: the message's own retry schedule backs it off.
     */
    private Boolean verdict(Outcome outcome) {
        return switch (outcome.kind()) {
            case DELIVERED -> lanes.slow(outcome.latencyMs());
            case FAILED -> lanes.slow(outcome.latencyMs()) ? Boolean.TRUE : null;
            default -> null;
        };
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
