package io.cmeautopilot.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.cmeautopilot.rules.EvaluationResult;
import io.cmeautopilot.rules.Proposal;

/** What one chunk (or one synchronous dry run) produced: per-rule counts, failures, stopped accounts, a sample. */
final class ChunkOutcome {

    static final int SAMPLE_SIZE = 200;

    int accounts;
    int autoResolved;
    long snapshotMillis;
    long engineMillis;
    long writeMillis;
    final Map<String, RuleStats> stats = new TreeMap<>();
    /** Accounts whose evaluation failed or was stopped: auto-resolve must not read their silence. */
    final Set<Long> troubled = new HashSet<>();
    final List<Map<String, Object>> failures = new ArrayList<>();
    final List<RunView.ProposalView> sample = new ArrayList<>();

    void count(EvaluationResult result) {
        accounts += result.accounts();
        result.failures().forEach(f -> {
            troubled.add(f.accountId());
            failures.add(entry("rule", f.rule(), "accountId", f.accountId(), "error", f.message()));
            add(f.rule() == null ? "(account)" : f.rule(), RuleStats.of("failure"));
        });
        result.runaways().forEach(r -> {
            troubled.add(r.accountId());
            failures.add(entry("accountId", r.accountId(), "error",
                    "stopped after " + r.firings() + " rule firings (runaway guard)", "rules", r.firingsByRule()));
        });
    }

    /** A proposal that is only looked at (dry run, backtest): counted and maybe sampled. */
    void observe(Proposal p) {
        add(p.rule(), RuleStats.proposedOnly());
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(new RunView.ProposalView(p.rule(), p.action().getAccountId(), p.action().getAccountExternalId(),
                    p.action().getKind().name(), p.action().attributes(), p.evidence()));
        }
    }

    /**
     * Applying this proposal failed in a way that is the rule's, not the chunk's (its notification
     * template could not be rendered): listed and counted as a failure of its rule; the chunk goes on.
     */
    void failed(Proposal p, String error) {
        failures.add(entry("rule", p.rule(), "accountId", p.action().getAccountId(), "error", error));
        add(p.rule(), RuleStats.of("apply-failure"));
    }

    /** The rule went over its @maxPerRun: this proposal is held; the first time in a chunk it is reported. */
    void trip(String rule, int limit) {
        if (stats.get(rule) == null || stats.get(rule).tripped() == 0) {
            failures.add(entry("rule", rule, "error", "tripped its @maxPerRun(" + limit
                    + "): further proposals of this run are held, not applied"));
        }
        add(rule, RuleStats.of("tripped"));
    }

    void timed(long snapshotNanos, long engineNanos, long writeNanos) {
        snapshotMillis = snapshotNanos / 1_000_000;
        engineMillis = engineNanos / 1_000_000;
        writeMillis = writeNanos / 1_000_000;
    }

    void add(String rule, RuleStats delta) {
        stats.merge(rule, delta, RuleStats::plus);
    }

    static Map<String, Object> entry(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
