package io.cmeautopilot.evaluation;

/**
 * Per rule, what became of its proposals in one run (tasks, offers, suggestions and notifications
 * alike). For a notification, {@code created} is a message enqueued and {@code suppressedByCooldown}
 * one not sent because its key was notified within the rule's cooldown (or already in this run);
 * {@code notApplied} counts notifications with nobody to go to (an account without owner or team);
 * {@code tripped} proposals held back because the rule went over its {@code @maxPerRun};
 * {@code failures} the rule's failures, including proposals that could not be applied (a template
 * that does not render).
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
            case "apply-failure" -> new RuleStats(1, 0, 0, 0, 0, 0, 1);
            default -> throw new IllegalArgumentException(outcome);
        };
    }

    RuleStats plus(RuleStats o) {
        return new RuleStats(proposed + o.proposed, created + o.created, updated + o.updated,
                suppressedByCooldown + o.suppressedByCooldown, notApplied + o.notApplied, tripped + o.tripped,
                failures + o.failures);
    }
}
