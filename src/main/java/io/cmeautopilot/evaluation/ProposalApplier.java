package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleInfo;
import io.cmeautopilot.rules.api.Notification;
import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.rules.api.Task;
import io.cmeautopilot.tasks.RuleTask;
import io.cmeautopilot.tasks.RuleTaskBatchWriter;
import io.cmeautopilot.tasks.RuleTaskWriter;

/**
 * Turns one chunk's proposals into outcomes, inside the chunk's transaction: the {@code @maxPerRun}
 * guardrail (within the shares {@link RuleBudgets} reserved), dedupe and cooldown through the
 * writers, and auto-resolve of what the chunk's accounts no longer get proposed.
 */
@ApplicationScoped
class ProposalApplier {

    @Inject
    RuleTaskWriter taskWriter;
    @Inject
    RuleTaskBatchWriter taskBatch;
    @Inject
    OfferProposals offers;
    @Inject
    NotificationProposals notifications;

    /** The run-level facts every proposal of a chunk shares. */
    record RunContext(long runId, RuleBook book, Instant startedAt, Instant asOf, RuleSelection selection) {
    }

    /**
     * Applies the chunk's proposals within {@code allowed} (what {@link RuleBudgets} granted each
     * capped rule): tasks and notifications all at once ({@link RuleTaskBatchWriter},
     * {@link NotificationProposals}), offers and suggestions one by one.
     */
    void apply(Connection c, RunContext run, List<Proposal> proposals, List<Long> accountIds,
            Map<String, Integer> allowed, ChunkOutcome outcome) throws SQLException {
        Map<String, Integer> left = new HashMap<>(allowed);
        List<Proposal> taskProposals = new ArrayList<>();
        List<RuleTask> tasks = new ArrayList<>();
        List<Proposal> notices = new ArrayList<>();
        for (Proposal proposal : proposals) {
            String rule = proposal.rule();
            Integer budget = left.get(rule);
            if (budget != null) {
                if (budget == 0) {
                    int limit = run.book().rule(proposal.rulePackage(), rule).map(RuleInfo::maxPerRun).orElse(0);
                    outcome.trip(rule, limit);
                    continue;
                }
                left.put(rule, budget - 1);
            }
            if (proposal.action() instanceof Task task) {
                taskProposals.add(proposal);
                tasks.add(ruleTask(run.book(), proposal, task, run.runId(), run.asOf()));
            } else if (proposal.action() instanceof Notification) {
                notices.add(proposal);
            } else {
                outcome.add(rule, offers.write(run.book(), proposal, run.runId()).map(RuleStats::of)
                        .orElseGet(() -> RuleStats.of("not-applied")));
            }
        }
        notifications.applyAll(run.book(), notices, run.runId(), outcome);
        List<RuleTaskWriter.Outcome> written = taskBatch.writeAll(c, tasks);
        for (int i = 0; i < written.size(); i++) {
            outcome.add(taskProposals.get(i).rule(), RuleStats.of(switch (written.get(i)) {
                case CREATED -> "created";
                case UPDATED -> "updated";
                case SUPPRESSED_BY_COOLDOWN -> "cooldown";
            }));
        }
        outcome.autoResolved += autoResolve(run, accountIds, outcome);
    }

    /** Open tasks of auto-resolving rules in this run that no run proposed since this one started are closed. */
    private int autoResolve(RunContext run, List<Long> accountIds, ChunkOutcome outcome) {
        List<String> rules = run.book().rules().stream().filter(RuleInfo::autoResolve).filter(run.selection()::includes)
                .map(RuleInfo::name).toList();
        return taskWriter.autoResolve(run.runId(), run.startedAt(), rules, accountIds.toArray(Long[]::new),
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
