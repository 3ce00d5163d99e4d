package io.cmeautopilot.rules;

import java.util.List;

import org.kie.api.runtime.KieSession;

import io.cmeautopilot.rules.api.AccountFact;

/**
 * For the benchmark: a rule book's KieBase evaluated the plainest way (insert, fireAllRules, no
 * listener, no filter, nothing collected), to tell the engine's own cost from Drools'. Test code only.
 */
public final class BareDrools {

    private BareDrools() {
    }

    /** Firings for the accounts, in one session. */
    public static int fire(RuleBook book, List<AccountFact> accounts) {
        KieSession session = book.newSession(); // the same sessions as the engine
        try {
            for (AccountFact account : accounts) {
                session.insert(account);
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }
}
