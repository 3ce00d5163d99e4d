package io.cmeautopilot.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the API shows it. A small synchronous dry run or backtest is not stored ({@code id} is
 * null); every other run is kept and queryable by id, with its progress while it goes on.
 * {@code proposals} is a sample of what a dry run or backtest would have done.
 */
public record RunView(Long id, String trigger, String mode, EvaluationRequest.Scope scope, String ruleBookVersion,
        String status, String requestedBy, String cancelledBy, Instant startedAt, Instant finishedAt, Instant asOf, String schedule,
        Instant scheduledFor, RuleSelection selection, Progress progress, Work work, int accountsEvaluated, int autoResolved,
        Map<String, RuleStats> rules, List<Map<String, Object>> failures, String error, List<ProposalView> proposals) {

    /** One proposal of a dry run or backtest: what a rule would have done to which account, and why. */
    public record ProposalView(String rule, long accountId, String accountExternalId, String kind,
            Map<String, Object> action, Map<String, Object> evidence) {
    }

    /**
     * Chunks of accounts: how many there are, how many are finished, how many failed for good, how
     * many a cancellation dropped.
     */
    public record Progress(int chunksTotal, int chunksDone, int chunksFailed, int chunksCancelled) {
    }

    /**
     * Where the finished chunks' time went, summed over chunks (chunks worked at the same time on
     * several threads or nodes add up, so the sum can exceed the run's wall time): computing the
     * accounts' facts, the rule engine alone, and writing the outcomes.
     */
    public record Work(long snapshotMillis, long engineMillis, long writeMillis) {

        static final Work NONE = new Work(0, 0, 0);
    }

    boolean finished() {
        return finishedAt != null;
    }
}
