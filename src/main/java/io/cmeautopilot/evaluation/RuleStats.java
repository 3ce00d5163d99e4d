package io.cmeautopilot.evaluation;

/**
 * Per rule, what became of its proposals in one run. {@code notApplied} counts proposals of kinds
 * this version does not turn into anything yet (notifications, offers, suggestions).
 */
public record RuleStats(int proposed, int created, int updated, int suppressedByCooldown, int notApplied,
        int failures) {

    static final RuleStats NONE = new RuleStats(0, 0, 0, 0, 0, 0);

    RuleStats plus(RuleStats o) {
        return new RuleStats(proposed + o.proposed, created + o.created, updated + o.updated,
                suppressedByCooldown + o.suppressedByCooldown, notApplied + o.notApplied, failures + o.failures);
    }
}
