package io.cmeautopilot.evaluation;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.common.Failures;
import io.cmeautopilot.rules.RuleBookHolder;
import io.quarkus.scheduler.Scheduled;

/**
 * Works the chunks of runs on this node: every node polls for claimable chunks (its own runs'
 * chunks are started at once), works up to {@code workers} of them at a time, and finishes a run
 * when its last chunk closes. A chunk that fails is offered again, up to its attempts.
 */
@ApplicationScoped
class ChunkWorker {

    private static final Logger LOG = Logger.getLogger(ChunkWorker.class);

    @Inject
    ChunkStore store;
    @Inject
    ChunkProcessor processor;
    @Inject
    RunFinisher finisher;
    @Inject
    EvaluationRuns runs;
    @Inject
    EvaluationConfig config;
    @Inject
    RuleBookHolder books;

    private String node;
    private ExecutorService pool;
    private final AtomicInteger busy = new AtomicInteger();

    @PostConstruct
    void init() {
        node = config.nodeId().orElse(ManagementFactory.getRuntimeMXBean().getName());
        pool = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "evaluation-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        // A chunk cut short rolls back; its lease runs out and another node (or this one, restarted) takes it.
        pool.shutdownNow();
    }

    @Scheduled(identity = "evaluation-chunks", every = "${cme.evaluation.poll-interval:1s}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        // Until the rule book is loaded this node cannot tell versions apart; others carry on meanwhile.
        if (books.current().isEmpty()) {
            return;
        }
        finisher.sweep();
        kick();
    }

    /** Starts idle workers on claimable chunks of any run. */
    void kick() {
        int now;
        while ((now = busy.get()) < config.workers()) {
            if (busy.compareAndSet(now, now + 1)) {
                pool.execute(() -> {
                    try {
                        while (workOne(null)) {
                            // next chunk
                        }
                    } finally {
                        busy.decrementAndGet();
                    }
                });
            }
        }
    }

    /** Works the chunks of one run in the calling thread (synchronous runs), until none is left to claim. */
    void drain(long runId) {
        while (workOne(runId)) {
            // next chunk
        }
    }

    String node() {
        return node;
    }

    private boolean workOne(Long runId) {
        Optional<Chunk> claimed = store.claim(runId, node, config.chunkLease());
        if (claimed.isEmpty()) {
            return false;
        }
        Chunk chunk = claimed.get();
        try {
            EvaluationRun run = runs.find(chunk.runId()).orElseThrow();
            processor.process(chunk, run, node);
        } catch (ChunkProcessor.ChunkLost e) {
            LOG.info(e.getMessage());
        } catch (RuntimeException e) {
            String status = store.giveUp(chunk, node, Failures.rootMessage(e), config.chunkMaxAttempts());
            LOG.errorf(e, "Evaluation %s failed (attempt %d): %s", chunk, chunk.attempt(),
                    "FAILED".equals(status) ? "no attempts left, the run will fail" : "it will be tried again");
        }
        finisher.tryFinish(chunk.runId());
        return true;
    }
}
