package io.cmeautopilot.rules;

import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;

/**
 * Evaluates accounts against the active rule book of this node. The book is read once per call, so
 * a reload during the call does not affect it; the next call uses the new book.
 */
@ApplicationScoped
public class RuleEvaluator {

    @Inject
    RuleBookHolder holder;
    @Inject
    RulesConfig config;

    private RuleEngine engine;

    @PostConstruct
    void init() {
        engine = new RuleEngine(config.maxFiringsPerAccount());
    }

    public EvaluationResult evaluate(List<AccountFact> accounts, Map<Long, List<FeatureUsage>> features) {
        RuleBook book = holder.current().orElseThrow(() -> new IllegalStateException("No rule book is active"));
        return engine.evaluate(book, accounts, features);
    }

    /** The engine with this node's limits, for evaluating a book that is not active (scenario tests, backtests). */
    public RuleEngine engine() {
        return engine;
    }
}
