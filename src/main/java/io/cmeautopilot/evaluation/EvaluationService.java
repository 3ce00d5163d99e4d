package io.cmeautopilot.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.evaluation.EvaluationRuns.NewRun;
import io.cmeautopilot.rules.EvaluationResult;
import io.cmeautopilot.rules.RuleBook;

/**
 * Starts evaluation runs. A run evaluates one rule-book version as of one instant over a scope of
 * accounts, split into chunks that any node may work on (see {@link ChunkWorker}). A run over a few
 * listed accounts is worked by the calling thread and answered when done; a larger one is answered
 * at once and followed by id. A small dry run or backtest is computed in memory and stored nowhere.
 */
@ApplicationScoped
public class EvaluationService {

    @Inject
    RunBooks books;
    @Inject
    EvaluationRuns runs;
    @Inject
    ChunkWorker worker;
    @Inject
    ChunkProcessor processor;
    @Inject
    RunFinisher finisher;
    @Inject
    EvaluationConfig config;
    @Inject
    Clock clock;

    /** Runs or starts an evaluation; the view says whether it has finished ({@code finishedAt}). */
    public RunView run(EvaluationRequest request, String trigger, String requestedBy) {
        ScopeSql.check(request.scope());
        RuleBook book = bookFor(request);
        Instant now = clock.instant();
        Instant asOf = "backtest".equals(request.effectiveMode()) ? request.asOf() : now;
        RuleSelection selection = RuleSelection.of(request.categories(), null);
        boolean small = request.scope().accountIds() != null && request.scope().accountIds().size() <= config.syncMaxAccounts();
        if (small && !request.writes()) {
            return inMemory(request, trigger, requestedBy, book, selection, now, asOf);
        }
        long runId = runs.start(new EvaluationRuns.NewRun(request, trigger, requestedBy, book.version(), now, asOf,
                selection, null, null, small), config.chunkSize());
        if (small) {
            worker.drain(runId);
            finisher.tryFinish(runId);
        } else {
            worker.kick();
        }
        return runs.view(runId).orElseThrow();
    }

    /**
     * A firing of a schedule (or a manual start, {@code scheduledFor} null): a run over its scope with
     * the rules of its categories that the schedule may run. Skipped (empty) while the schedule's
     * previous run is still going, and when this firing already has its run (one run per firing is
     * a unique index, so it holds whatever the scheduler or the nodes do).
     */
    public Optional<Long> runScheduled(String schedule, EvaluationRequest request, Instant scheduledFor) {
        if (runs.hasRunning(schedule)) {
            return Optional.empty();
        }
        RuleBook book = books.current();
        Instant now = clock.instant();
        NewRun run = new EvaluationRuns.NewRun(request, "schedule", "schedule:" + schedule, book.version(), now, now,
                RuleSelection.of(request.categories(), schedule), schedule, scheduledFor, false);
        long runId;
        try {
            runId = runs.start(run, config.chunkSize());
        } catch (RuntimeException e) {
            if (scheduledFor != null && runs.firingHasRun(schedule, scheduledFor)) {
                return Optional.empty();
            }
            throw e;
        }
        worker.kick();
        return Optional.of(runId);
    }

    /** A run by id, with its progress. */
    public Optional<RunView> find(long runId) {
        return runs.view(runId);
    }

    /** Recent runs, newest first, with their progress. */
    public List<RunView> recent(int limit) {
        return runs.recent(limit);
    }

    /** The latest run a schedule started. */
    public Optional<RunView> latestScheduledRun(String schedule) {
        return runs.latestOf(schedule);
    }

    /** 422 unless the scope names exactly one kind of target (ids, all, segment, filter). */
    public static void checkScope(EvaluationRequest.Scope scope) {
        ScopeSql.check(scope);
    }

    private RuleBook bookFor(EvaluationRequest request) {
        boolean backtest = "backtest".equals(request.effectiveMode());
        if (!backtest) {
            if (request.asOf() != null || request.ruleBookVersion() != null || request.files() != null) {
                throw ProblemException.invalidField("mode", "asOf, ruleBookVersion and files are for backtests only");
            }
            return books.current();
        }
        if (request.asOf() == null) {
            throw ProblemException.invalidField("asOf", "a backtest needs the past instant to evaluate as of");
        }
        if (request.asOf().isAfter(clock.instant())) {
            throw ProblemException.invalidField("asOf", "must not be in the future");
        }
        if (request.ruleBookVersion() != null && request.files() != null) {
            throw ProblemException.invalidField("files", "give a ruleBookVersion or files, not both");
        }
        return books.forBacktest(request.ruleBookVersion(), request.files());
    }

    private RunView inMemory(EvaluationRequest request, String trigger, String requestedBy, RuleBook book,
            RuleSelection selection, Instant now, Instant asOf) {
        ChunkOutcome outcome = new ChunkOutcome();
        List<Long> ids = request.scope().accountIds().stream().distinct().sorted().toList();
        EvaluationResult result = processor.evaluate(book, selection, ids, asOf);
        outcome.count(result);
        result.proposals().forEach(outcome::observe);
        return new RunView(null, trigger, request.effectiveMode(), request.scope(), book.version(), "SUCCEEDED",
                requestedBy, null, now, clock.instant(), asOf, null, null, selection, new RunView.Progress(1, 1, 0, 0),
                RunView.Work.NONE, outcome.accounts, 0, outcome.stats, outcome.failures, null, outcome.sample);
    }
}
