package io.cmeautopilot.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.rules.EvaluationResult;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleBookHolder;
import io.cmeautopilot.rules.RuleEvaluator;
import io.cmeautopilot.rules.RuleInfo;
import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.rules.api.Task;
import io.cmeautopilot.snapshot.SnapshotService;
import io.cmeautopilot.tasks.RuleTask;
import io.cmeautopilot.tasks.RuleTaskWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs the active rule book over a scope of accounts: snapshots in chunks, a fresh session per
 * chunk on the shared KieBase, and (in apply mode) one transaction per chunk that turns task
 * proposals into queue tasks. One rule book version for the whole run, even if a reload happens
 * meanwhile. A dry run computes the same and writes nothing.
 */
@ApplicationScoped
public class EvaluationService {

    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
    static final int CHUNK = 500;
    static final int DRY_RUN_SAMPLE = 200;

    @Inject
    RuleBookHolder books;
    @Inject
    RuleEvaluator evaluator;
    @Inject
    SnapshotService snapshots;
    @Inject
    AccountLookup accounts;
    @Inject
    RuleTaskWriter taskWriter;
    @Inject
    OfferProposals offers;
    @Inject
    EvaluationRuns runs;
    @Inject
    Clock clock;

    public RunView run(EvaluationRequest request, String trigger, String requestedBy) {
        checkScope(request.scope());
        RuleBook book = books.current().orElseThrow(() -> new ProblemException(409, "no-rule-book",
                "No active rule book", "no rule book is active: fix the rules and reload them first", null));
        Instant asOf = clock.instant();
        Long runId = request.dryRun() ? null : runs.start(request, trigger, book.version(), requestedBy, asOf);
        Tally tally = new Tally();
        try {
            for (List<Long> ids : chunks(request.scope())) {
                EvaluationResult result = evaluator.engine().evaluate(book, snapshots.facts(ids, asOf),
                        snapshots.featureUsage(ids, asOf));
                tally.count(result);
                if (runId == null) {
                    tally.sample(result.proposals());
                } else {
                    QuarkusTransaction.requiringNew().run(() -> apply(book, result.proposals(), runId, asOf, tally));
                }
            }
        } catch (RuntimeException e) {
            if (runId != null) {
                LOG.errorf(e, "Evaluation run %d failed", runId);
                runs.finish(runId, "FAILED", tally.accounts, 0, tally.stats, tally.failures,
                        "the run stopped: see the log", clock.instant());
            }
            throw e;
        }
        if (runId == null) {
            return new RunView(null, trigger, "dry-run", request.scope(), book.version(), "SUCCEEDED", requestedBy, asOf,
                    clock.instant(), tally.accounts, 0, tally.stats, tally.failures, tally.sample);
        }
        int resolved = QuarkusTransaction.requiringNew()
                .call(() -> autoResolve(book, request.scope(), runId, asOf, tally));
        tally.resolved(resolved);
        runs.finish(runId, "SUCCEEDED", tally.accounts, tally.autoResolved, tally.stats, tally.failures, null,
                clock.instant());
        return runs.view(runId).orElseThrow();
    }

    private void apply(RuleBook book, List<Proposal> proposals, long runId, Instant asOf, Tally tally) {
        for (Proposal proposal : proposals) {
            String rule = proposal.rule();
            Integer limit = book.rule(proposal.rulePackage(), rule).map(RuleInfo::maxPerRun).orElse(null);
            if (limit != null && tally.proposed(rule) >= limit) {
                tally.trip(rule, limit);
                continue;
            }
            if (!(proposal.action() instanceof Task task)) {
                tally.add(rule, offers.write(book, proposal, runId).map(RuleStats::of)
                        .orElseGet(() -> RuleStats.of("not-applied")));
                continue;
            }
            RuleTaskWriter.Outcome outcome = taskWriter.write(ruleTask(book, proposal, task, runId, asOf));
            tally.add(rule, RuleStats.of(switch (outcome) {
                case CREATED -> "created";
                case UPDATED -> "updated";
                case SUPPRESSED_BY_COOLDOWN -> "cooldown";
            }));
        }
    }

    private int autoResolve(RuleBook book, EvaluationRequest.Scope scope, long runId, Instant started, Tally tally) {
        List<String> rules = book.rules().stream().filter(RuleInfo::autoResolve).map(RuleInfo::name).toList();
        Long[] ids = scope.accountIds() == null ? null : scope.accountIds().toArray(Long[]::new);
        return taskWriter.autoResolve(runId, started, rules, ids, scope.segment(), tally.troubled.toArray(Long[]::new));
    }

    static RuleTask ruleTask(RuleBook book, Proposal proposal, Task task, long runId, Instant asOf) {
        Duration cooldown = book.rule(proposal.rulePackage(), proposal.rule()).map(RuleInfo::cooldown).orElse(null);
        return new RuleTask(task.getAccountId(), task.getType().code(), task.getTitle(), task.getBody(),
                task.getPriority() == null ? Priority.NORMAL : task.getPriority(),
                task.getDueInDays() == null ? null : asOf.plus(Duration.ofDays(task.getDueInDays())),
                proposal.rule(), proposal.ruleBookVersion(), runId, proposal.evidence(), proposal.dedupeKey(), cooldown);
    }

    private Iterable<List<Long>> chunks(EvaluationRequest.Scope scope) {
        if (scope.accountIds() != null) {
            List<List<Long>> chunks = new ArrayList<>();
            for (int i = 0; i < scope.accountIds().size(); i += CHUNK) {
                chunks.add(scope.accountIds().subList(i, Math.min(scope.accountIds().size(), i + CHUNK)));
            }
            return chunks;
        }
        String segment = scope.segment();
        return () -> new java.util.Iterator<>() {
            private long after = 0;
            private List<Long> next = accounts.idsAfter(0, CHUNK, segment);

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<Long> next() {
                List<Long> current = next;
                after = current.get(current.size() - 1);
                next = current.size() < CHUNK ? List.of() : accounts.idsAfter(after, CHUNK, segment);
                return current;
            }
        };
    }

    private static void checkScope(EvaluationRequest.Scope scope) {
        int given = (scope.accountIds() != null ? 1 : 0) + (Boolean.TRUE.equals(scope.all()) ? 1 : 0)
                + (scope.segment() != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.invalidField("scope", "give exactly one of accountIds, all: true, segment");
        }
    }

    /** Counts of one run, by rule; failures and stopped accounts as readable entries. */
    private static final class Tally {
        int accounts;
        int autoResolved;
        final Map<String, RuleStats> stats = new TreeMap<>();
        /** Accounts whose evaluation failed or was stopped: auto-resolve must not read their silence. */
        final java.util.Set<Long> troubled = new java.util.HashSet<>();
        final List<Map<String, Object>> failures = new ArrayList<>();
        final List<RunView.ProposalView> sample = new ArrayList<>();

        void count(EvaluationResult result) {
            accounts += result.accounts();
            result.failures().forEach(f -> {
                troubled.add(f.accountId());
                failures.add(entry("rule", f.rule(), "accountId", f.accountId(), "error", f.message()));
                add(f.rule(), RuleStats.of("failure"));
            });
            result.runaways().forEach(r -> troubled.add(r.accountId()));
            result.runaways().forEach(r -> failures.add(entry("accountId", r.accountId(), "error",
                    "stopped after " + r.firings() + " rule firings (runaway guard)", "rules", r.firingsByRule())));
        }

        void sample(List<Proposal> proposals) {
            for (Proposal p : proposals) {
                add(p.rule(), RuleStats.proposedOnly());
                if (sample.size() < DRY_RUN_SAMPLE) {
                    sample.add(new RunView.ProposalView(p.rule(), p.action().getAccountId(),
                            p.action().getAccountExternalId(), p.action().getKind().name(), p.action().attributes(),
                            p.evidence()));
                }
            }
        }

        /** Proposals of this rule counted so far in the run (held ones included). */
        int proposed(String rule) {
            RuleStats s = stats.get(rule);
            return s == null ? 0 : s.proposed() - s.tripped();
        }

        /** The rule went over its @maxPerRun: this proposal is held, and ops hear of it once per run. */
        void trip(String rule, int limit) {
            if (stats.get(rule) == null || stats.get(rule).tripped() == 0) {
                failures.add(entry("rule", rule, "error", "tripped its @maxPerRun(" + limit
                        + "): further proposals of this run are held, not applied"));
                LOG.warnf("Rule '%s' proposed more than its @maxPerRun(%d) in one run; the rest is held", rule, limit);
            }
            add(rule, RuleStats.of("tripped"));
        }

        void resolved(int count) {
            autoResolved = count;
        }

        void add(String rule, RuleStats delta) {
            stats.merge(rule, delta, RuleStats::plus);
        }

        private static Map<String, Object> entry(Object... pairs) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
            return map;
        }
    }

}
