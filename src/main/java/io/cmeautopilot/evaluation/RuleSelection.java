package io.cmeautopilot.evaluation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.cmeautopilot.rules.RuleInfo;

/**
 * Which rules of the book take part in a run: those of the given categories (all when none are
 * given) that a scheduled run's schedule may run (a rule's {@code @schedule}; all when it has none).
 */
record RuleSelection(Set<String> categories, String schedule) {

    static final RuleSelection ALL = new RuleSelection(Set.of(), null);

    static RuleSelection of(List<String> categories, String schedule) {
        return new RuleSelection(categories == null ? Set.of() : new TreeSet<>(categories), schedule);
    }

    boolean includes(RuleInfo rule) {
        return (categories.isEmpty() || categories.contains(rule.category()))
                && (schedule == null || rule.schedules() == null || rule.schedules().isEmpty()
                        || rule.schedules().contains(schedule));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    boolean isAll() {
        return categories.isEmpty() && schedule == null;
    }

    /** For the engine's agenda: the rules that may fire, or null when every rule may. */
    Predicate<RuleInfo> rules() {
        return isAll() ? null : this::includes;
    }
}
