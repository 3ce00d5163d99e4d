package io.cmeautopilot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.kie.api.runtime.KieSession;
import org.jboss.logging.Logger;

import io.cmeautopilot.common.Failures;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;

/**
 * Evaluates accounts against a rule book in a fresh session on its shared KieBase and returns what
 * the rules proposed. KIE types stay in here. An exception outside a consequence (in a condition)
 * makes the batch be retried account by account, so that only the failing account is lost.
 */
public final class RuleEngine {

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    private final int maxFiringsPerAccount;

    public RuleEngine(int maxFiringsPerAccount) {
        if (maxFiringsPerAccount < 1) {
            throw new IllegalArgumentException("maxFiringsPerAccount must be at least 1");
        }
        this.maxFiringsPerAccount = maxFiringsPerAccount;
    }

    public EvaluationResult evaluate(RuleBook book, List<AccountFact> accounts, Map<Long, List<FeatureUsage>> features) {
        return evaluate(book, accounts, features, null);
    }

    /**
     * Only the rules {@code selected} accepts may fire (null: every rule): the others' matches are
     * turned away on the agenda, so they propose nothing, count towards no guard and trigger no
     * rule that reacts to what they would have inserted.
     */
    public EvaluationResult evaluate(RuleBook book, List<AccountFact> accounts, Map<Long, List<FeatureUsage>> features,
            Predicate<RuleInfo> selected) {
        try {
            return evaluateTogether(book, accounts, features, selected);
        } catch (RuntimeException e) {
            if (accounts.size() == 1) {
                AccountFact a = accounts.get(0);
                LOG.warnf(e, "Evaluation of account %s failed", a.getExternalId());
                return new EvaluationResult(book.version(), 1, List.of(),
                        List.of(new RuleFailure(null, a.getId(), a.getExternalId(), "evaluation failed: " + Failures.rootMessage(e))),
                        List.of(), Map.of());
            }
            List<EvaluationResult> parts = new ArrayList<>();
            for (AccountFact account : accounts) {
                parts.add(evaluate(book, List.of(account), Map.of(account.getId(),
                        features.getOrDefault(account.getId(), List.of())), selected));
            }
            return EvaluationResult.merge(book.version(), parts);
        }
    }

    private EvaluationResult evaluateTogether(RuleBook book, List<AccountFact> accounts,
            Map<Long, List<FeatureUsage>> features, Predicate<RuleInfo> selected) {
        KieSession session = book.newSession();
        try {
            EvaluationMonitor monitor = new EvaluationMonitor(book, maxFiringsPerAccount, session, accounts.size(),
                    selected);
            for (AccountFact account : accounts) {
                monitor.insert(account, features.isEmpty() ? List.of() : features.getOrDefault(account.getId(), List.of()));
            }
            // Listening starts once our own facts are in (rules only fire in fireAllRules), so that the
            // inserts of accounts and features raise no events; every action a rule inserts does.
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) monitor);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) monitor);
            session.fireAllRules(monitor);
            return monitor.result();
        } finally {
            session.dispose();
        }
    }
}
