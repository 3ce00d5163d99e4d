package io.cmeautopilot.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.rules.EvaluationResult;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleBookHolder;
import io.cmeautopilot.rules.RuleEvaluator;
import io.cmeautopilot.rules.RuleInfo;
import io.cmeautopilot.rules.api.Notification;
import io.cmeautopilot.rules.api.Task;
import io.cmeautopilot.snapshot.SnapshotService;
import io.cmeautopilot.tasks.RuleTaskWriter;

/** One account through the active rule book, now, writing nothing: what matched, on what, and what would happen. */
@ApplicationScoped
public class ExplainService {

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
    NotificationProposals notifications;
    @Inject
    Clock clock;

    /** The explanation of one account. */
    public record Explanation(long accountId, Instant asOf, String ruleBookVersion, List<Matched> matched,
            List<String> notMatched, List<Map<String, Object>> failures) {
    }

    /** One proposal of a rule that matched: the values it matched on and what the engine would do. */
    public record Matched(String rule, String kind, Map<String, Object> action, Map<String, Object> evidence,
            String outcome) {
    }

    public Explanation explain(long accountId, Caller caller) {
        if (!accounts.visible(accountId, caller)) {
            throw ProblemException.notFound("account", accountId);
        }
        RuleBook book = books.current().orElseThrow(() -> new ProblemException(409, "no-rule-book",
                "No active rule book", "no rule book is active: fix the rules and reload them first", null));
        Instant asOf = clock.instant();
        EvaluationResult result = evaluator.engine().evaluate(book, snapshots.facts(List.of(accountId), asOf),
                snapshots.featureUsage(List.of(accountId), asOf));
        List<Matched> matched = new ArrayList<>();
        TreeSet<String> silent = new TreeSet<>(book.rules().stream().map(RuleInfo::name).toList());
        for (Proposal p : result.proposals()) {
            silent.remove(p.rule());
            matched.add(new Matched(p.rule(), p.action().getKind().name(), p.action().attributes(), p.evidence(),
                    outcome(book, p, asOf)));
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        result.failures().forEach(f -> failures.add(Map.of("rule", f.rule(), "error", f.message())));
        result.runaways().forEach(r -> failures.add(Map.of("error",
                "stopped after " + r.firings() + " rule firings (runaway guard)", "rules", r.firingsByRule())));
        return new Explanation(accountId, asOf, book.version(), matched, List.copyOf(silent), failures);
    }

    private String outcome(RuleBook book, Proposal proposal, Instant asOf) {
        if (proposal.action() instanceof Notification) {
            return notifications.explain(book, proposal);
        }
        if (!(proposal.action() instanceof Task task)) {
            return offers.explain(book, proposal).orElseGet(() -> "not applied: "
                    + proposal.action().getKind().name().toLowerCase() + " is not a kind this version applies");
        }
        return switch (taskWriter.preview(ProposalApplier.ruleTask(book, proposal, task, 0, asOf))) {
            case CREATED -> "would create a task";
            case UPDATED -> "would update the open task with the same key";
            case SUPPRESSED_BY_COOLDOWN -> "suppressed: a task with the same key closed within the rule's cooldown";
        };
    }
}
