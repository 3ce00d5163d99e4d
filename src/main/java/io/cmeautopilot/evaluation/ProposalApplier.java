package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleInfo;
import io.cmeautopilot.rules.api.Notification;
import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.rules.api.Task;
import io.cmeautopilot.tasks.RuleTask;
import io.cmeautopilot.tasks.RuleTaskWriter;

/**
 * Turns one chunk's proposals into outcomes, inside the chunk's transaction: the {@code @maxPerRun}
 * guardrail (a budget per run and rule, shared by every node), dedupe and cooldown through the
 * writers, and auto-resolve of what the chunk's accounts no longer get proposed.
 */
@ApplicationScoped
class ProposalApplier {

    private static final Logger LOG = Logger.getLogger(ProposalApplier.class);

    private static final NamedSql TAKE_BUDGET = NamedSql.of("""
            INSERT INTO evaluation_rule_budget AS b (run_id, rule, used) VALUES (:run, :rule, :wanted)
            ON CONFLICT (run_id, rule) DO UPDATE SET used = b.used + excluded.used
            RETURNING used""");

    @Inject
    RuleTaskWriter taskWriter;
    @Inject
    OfferProposals offers;
    @Inject
    NotificationProposals notifications;

    /** The run-level facts every proposal of a chunk shares. */
    record RunContext(long runId, RuleBook book, Instant startedAt, Instant asOf, RuleSelection selection) {
    }

    void apply(Connection c, RunContext run, List<Proposal> proposals, List<Long> accountIds, ChunkOutcome outcome)
            throws SQLException {
        Map<String, Integer> allowed = budgets(c, run, proposals);
        for (Proposal proposal : proposals) {
            String rule = proposal.rule();
            Integer left = allowed.get(rule);
            if (left != null) {
                if (left == 0) {
                    int limit = run.book().rule(proposal.rulePackage(), rule).map(RuleInfo::maxPerRun).orElse(0);
                    outcome.trip(rule, limit);
                    continue;
                }
                allowed.put(rule, left - 1);
            }
            if (proposal.action() instanceof Notification) {
                notifications.apply(run.book(), proposal, run.runId(), outcome);
                continue;
            }
            if (!(proposal.action() instanceof Task task)) {
                outcome.add(rule, offers.write(run.book(), proposal, run.runId()).map(RuleStats::of)
                        .orElseGet(() -> RuleStats.of("not-applied")));
                continue;
            }
            RuleTaskWriter.Outcome written = taskWriter.write(ruleTask(run.book(), proposal, task, run.runId(), run.asOf()));
            outcome.add(rule, RuleStats.of(switch (written) {
                case CREATED -> "created";
                case UPDATED -> "updated";
                case SUPPRESSED_BY_COOLDOWN -> "cooldown";
            }));
        }
        outcome.autoResolved += autoResolve(run, accountIds, outcome);
    }

    /**
     * For each rule with a {@code @maxPerRun}, how many of this chunk's proposals may still be applied.
     * The budget row stays locked until the chunk commits, so chunks on other nodes wait their turn.
     */
    private Map<String, Integer> budgets(Connection c, RunContext run, List<Proposal> proposals) throws SQLException {
        Map<String, Integer> wanted = new HashMap<>();
        Map<String, Integer> limits = new HashMap<>();
        for (Proposal p : proposals) {
            Integer limit = run.book().rule(p.rulePackage(), p.rule()).map(RuleInfo::maxPerRun).orElse(null);
            if (limit != null) {
                wanted.merge(p.rule(), 1, Integer::sum);
                limits.put(p.rule(), limit);
            }
        }
        Map<String, Integer> allowed = new HashMap<>();
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            try (PreparedStatement ps = TAKE_BUDGET.prepare(c, Map.of("run", run.runId(), "rule", e.getKey(),
                    "wanted", e.getValue())); ResultSet rs = ps.executeQuery()) {
                rs.next();
                int usedBefore = rs.getInt(1) - e.getValue();
                int left = Math.max(0, Math.min(e.getValue(), limits.get(e.getKey()) - usedBefore));
                allowed.put(e.getKey(), left);
                if (left < e.getValue()) {
                    LOG.warnf("Rule '%s' proposed more than its @maxPerRun(%d) in run %d; the rest is held",
                            e.getKey(), limits.get(e.getKey()), run.runId());
                }
            }
        }
        return allowed;
    }

    /** Open tasks of auto-resolving rules in this run that no run proposed since this one started are closed. */
    private int autoResolve(RunContext run, List<Long> accountIds, ChunkOutcome outcome) {
        List<String> rules = run.book().rules().stream().filter(RuleInfo::autoResolve).filter(run.selection()::includes)
                .map(RuleInfo::name).toList();
        return taskWriter.autoResolve(run.runId(), run.startedAt(), rules, accountIds.toArray(Long[]::new), null,
                outcome.troubled.toArray(Long[]::new));
    }

    static RuleTask ruleTask(RuleBook book, Proposal proposal, Task task, long runId, Instant asOf) {
        Duration cooldown = book.rule(proposal.rulePackage(), proposal.rule()).map(RuleInfo::cooldown).orElse(null);
        return new RuleTask(task.getAccountId(), task.getType().code(), task.getTitle(), task.getBody(),
                task.getPriority() == null ? Priority.NORMAL : task.getPriority(),
                task.getDueInDays() == null ? null : asOf.plus(Duration.ofDays(task.getDueInDays())),
                proposal.rule(), proposal.ruleBookVersion(), runId, proposal.evidence(), proposal.dedupeKey(), cooldown);
    }
}
