package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.rules.EvaluationResult;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleEvaluator;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;
import io.cmeautopilot.snapshot.SnapshotService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Works one chunk: its accounts' facts as of the run's instant, a fresh session on the run's rule
 * book, and then, in one transaction that first makes sure the chunk is still ours, the proposals
 * applied (or, for dry runs and backtests, only counted) and the chunk marked done.
 */
@ApplicationScoped
class ChunkProcessor {

    @Inject
    ChunkStore store;
    @Inject
    RunBooks books;
    @Inject
    RuleEvaluator evaluator;
    @Inject
    SnapshotService snapshots;
    @Inject
    ProposalApplier applier;
    @Inject
    RuleBudgets budgets;
    @Inject
    AgroalDataSource dataSource;

    /**
     * Thrown when the chunk is no longer this node's (its lease ran out and another node took it, or
     * its run was cancelled): this node's work is rolled back.
     */
    static final class ChunkLost extends RuntimeException {
        ChunkLost(Chunk chunk) {
            super(chunk + " is no longer this node's (taken over after its lease ran out, or its run cancelled): "
                    + "its work is rolled back", null, false, false);
        }
    }

    void process(Chunk chunk, EvaluationRun run, String node) {
        RuleBook book = books.book(run.ruleBookVersion, run.ruleFiles).orElseThrow(() -> new IllegalStateException(
                "rule book " + run.ruleBookVersion + " of run " + run.id + " is not known on this node"));
        ChunkOutcome outcome = new ChunkOutcome();
        long started = System.nanoTime();
        ChunkFacts facts = facts(chunk, run);
        long snapshotDone = System.nanoTime();
        EvaluationResult result = fire(book, run.selection, facts.accounts(), facts.features());
        long engineDone = System.nanoTime();
        outcome.count(result);
        boolean applies = "apply".equals(run.mode);
        if (!applies) {
            result.proposals().forEach(outcome::observe);
        }
        Map<String, Integer> allowed = applies ? budgets.reserve(run.id, chunk.seq(), book, result.proposals())
                : Map.of();
        ProposalApplier.RunContext context = new ProposalApplier.RunContext(run.id, book, run.startedAt, run.asOf,
                run.selection);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!store.own(c, chunk, node)) {
                    throw new ChunkLost(chunk);
                }
                if (applies) {
                    applier.apply(c, context, result.proposals(), facts.ids(), allowed, outcome);
                }
                outcome.timed(snapshotDone - started, engineDone - snapshotDone, System.nanoTime() - engineDone);
                store.complete(c, chunk, outcome);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not apply " + chunk, e);
            }
        });
    }

    /** A chunk's accounts with their facts as of the run's instant. */
    private record ChunkFacts(List<Long> ids, List<AccountFact> accounts, Map<Long, List<FeatureUsage>> features) {
    }

    /**
     * A run over every account reads its chunks as id ranges (one range scan per table); other
     * scopes read the chunk's listed or filtered ids.
     */
    private ChunkFacts facts(Chunk chunk, EvaluationRun run) {
        if (chunk.accountIds() == null && ScopeSql.coversEveryAccount(run.scope)) {
            SnapshotService.Facts range = snapshots.factsBetween(chunk.firstId(), chunk.lastId(), run.asOf);
            return new ChunkFacts(range.accounts().stream().map(AccountFact::getId).toList(), range.accounts(),
                    range.features());
        }
        List<Long> ids = store.accountIds(chunk, run.scope);
        if (ids.isEmpty()) {
            return new ChunkFacts(ids, List.of(), Map.of());
        }
        return new ChunkFacts(ids, snapshots.facts(ids, run.asOf), snapshots.featureUsage(ids, run.asOf));
    }

    /** The rule book over these accounts as of an instant, only the selected rules firing. */
    EvaluationResult evaluate(RuleBook book, RuleSelection selection, List<Long> ids, Instant asOf) {
        if (ids.isEmpty()) {
            return new EvaluationResult(book.version(), 0, List.of(), List.of(), List.of(), Map.of());
        }
        return fire(book, selection, snapshots.facts(ids, asOf), snapshots.featureUsage(ids, asOf));
    }

    private EvaluationResult fire(RuleBook book, RuleSelection selection, List<AccountFact> accounts,
            Map<Long, List<FeatureUsage>> features) {
        return evaluator.engine().evaluate(book, accounts, features, selection.rules());
    }
}
