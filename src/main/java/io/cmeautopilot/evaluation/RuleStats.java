package io.cmeautopilot.evaluation;

/**
 * Per rule, what became of its proposals in one run (tasks, offers and suggestions alike).
 * {@code notApplied} counts proposals of kinds this version does not turn into anything yet
 * (notifications); {@code tripped} those held back because the rule went over its {@code @maxPerRun}.
 */
public record RuleStats(int proposed, int created, int updated, int suppressedByCooldown, int notApplied,
        int tripped, int failures) {

    static RuleStats proposedOnly() {
        return new RuleStats(1, 0, 0, 0, 0, 0, 0);
    }

    static RuleStats of(String outcome) {
        return switch (outcome) {
            case "created" -> new RuleStats(1, 1, 0, 0, 0, 0, 0);
            case "updated" -> new RuleStats(1, 0, 1, 0, 0, 0, 0);
            case "cooldown" -> new RuleStats(1, 0, 0, 1, 0, 0, 0);
            case "not-applied" -> new RuleStats(1, 0, 0, 0, 1, 0, 0);
            case "tripped" -> new RuleStats(1, 0, 0, 0, 0, 1, 0);
            case "failure" -> new RuleStats(0, 0, 0, 0, 0, 0, 1);
            default -> throw new IllegalArgumentException(outcome);
        };
    }

    RuleStats plus(RuleStats o) {
        return new RuleStats(proposed + o.proposed, created + o.created, updated + o.updated,
                suppressedByCooldown + o.suppressedByCooldown, notApplied + o.notApplied, tripped + o.tripped,
                failures + o.failures);
    }
}
